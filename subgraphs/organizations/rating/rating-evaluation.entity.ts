import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar } from "../../kit/scalars";
import { RatingStatus, StarLevel } from "./rating.enums";

/** One organization's star rating in one cycle (DOMAIN §3.8, §8.5). */
@Entity("rating_evaluations")
@ObjectType("RatingEvaluation", { description: "One organization's star rating (星级评价) in one cycle." })
@Index(["organizationId", "cycle"])
@Index(["cycle", "status"])
export class RatingEvaluation {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 40 })
  organizationId: string;

  @Column({ type: "int" })
  @Field(() => Int)
  cycle: number;

  @Column({ type: "varchar", length: 40 })
  @Field(() => String)
  schemeVersion: string;

  @Column({ type: "simple-enum", enum: RatingStatus })
  @Field(() => RatingStatus)
  status: RatingStatus;

  @Column({ type: "double", nullable: true })
  @Field(() => Float, { nullable: true, description: "Sum of the indicator scores so far." })
  totalScore: number | null;

  @Column({ type: "simple-enum", enum: StarLevel, nullable: true })
  @Field(() => StarLevel, { nullable: true, description: "Stars the total earns under the scheme's thresholds." })
  stars: StarLevel | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  publicNoticeFrom: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Last day of the public notice (公示); FINALIZE is possible the day after." })
  publicNoticeTo: string | null;

  @Column({ type: "datetime", precision: 3, nullable: true })
  finalizedAt: Date | null;

  /** Set when the evaluation becomes FINAL: end of the cycle year plus the scheme's validity. */
  @Column({ type: "varchar", length: 10, nullable: true })
  validUntil: string | null;

  /** Set when the evaluation becomes FINAL: scored under a pilot scheme (version ends with "-pilot"). */
  @Column({ type: "boolean", default: false })
  pilot: boolean;
}
