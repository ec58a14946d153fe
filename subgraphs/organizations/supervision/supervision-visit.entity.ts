import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar } from "../../kit/scalars";
import { SupervisionVisitType } from "./supervision.enums";

/** One supervision visit (DOMAIN §3.6); `notes` are restricted (§9.2) and served only through supervision.policy. */
@Entity("supervision_visits")
@ObjectType("SupervisionVisit", { description: "A supervision visit; notes are shown only to those who may read them." })
@Index(["assignmentId", "date"])
export class SupervisionVisit {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 40 })
  assignmentId: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => DateScalar)
  date: string;

  @Column({ type: "simple-enum", enum: SupervisionVisitType })
  @Field(() => SupervisionVisitType)
  type: SupervisionVisitType;

  @Column({ type: "text", nullable: true })
  notes: string | null;

  /** §9.2: the organization's leader reads the notes only when the supervisor shares them. */
  @Column({ type: "boolean", default: false })
  shareWithLeader: boolean;

  @Column({ type: "datetime", precision: 3 })
  recordedAt: Date;
}
