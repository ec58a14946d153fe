import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { SafeIntScalar } from "../../kit/scalars";
import { fenColumn } from "../funders";
import { ProgramType } from "./program.enums";
import { TrancheRule } from "./tranche-rule.type";

/** A funder's recurring programme (微创投, 公益创投, 政府购买服务…); its calls open once per round. */
@Entity("funding_programs")
@ObjectType({ description: "A funding programme of one funder, e.g. 常青街道社区微创投." })
@Directive('@key(fields: "id")')
export class FundingProgram {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  funderId: string;

  @Column({ type: "varchar", length: 100 })
  @Field(() => String)
  name: string;

  @Column({ type: "simple-enum", enum: ProgramType })
  @Field(() => ProgramType)
  type: ProgramType;

  @Column({ type: "simple-json" })
  @Field(() => [String])
  categories: string[];

  @Column(fenColumn({ nullable: true }))
  @Field(() => SafeIntScalar, { nullable: true, description: "The largest award per project, in fen." })
  maxAwardFen: number | null;

  @Column({ type: "int" })
  @Field(() => Int)
  cycleMonths: number;

  /** Checked by tranche-plan.rules before it is stored: percents sum to 100. */
  @Column({ type: "simple-json" })
  @Field(() => [TrancheRule])
  tranchePlan: TrancheRule[];
}
