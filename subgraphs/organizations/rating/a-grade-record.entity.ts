import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar } from "../../kit/scalars";
import { AGrade } from "./rating.enums";

/** An official 等级评估 grade imported from civil affairs (DOMAIN §1.9, §3.8); never computed here. */
@Entity("a_grade_records")
@ObjectType("AGradeRecord", { description: "An official 等级评估 grade (1A–5A) imported from civil affairs." })
@Index(["organizationId", "awardedOn"])
export class AGradeRecord {
  @PrimaryColumn({ type: "varchar", length: 40 })
  id: string;

  @Column({ type: "varchar", length: 40 })
  organizationId: string;

  @Column({ type: "simple-enum", enum: AGrade })
  @Field(() => AGrade)
  grade: AGrade;

  @Column({ type: "varchar", length: 10 })
  @Field(() => DateScalar)
  awardedOn: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => DateScalar)
  validUntil: string;
}
