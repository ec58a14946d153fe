import { Field, Float, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

/** The panel's score for one indicator of one evaluation; a later submission replaces it. */
@Entity("indicator_scores")
@ObjectType("IndicatorScore", { description: "The panel's score for one indicator of the scheme." })
export class IndicatorScore {
  @PrimaryColumn({ type: "varchar", length: 40 })
  evaluationId: string;

  @PrimaryColumn({ type: "varchar", length: 20 })
  @Field(() => String)
  indicator: string;

  @Column({ type: "double" })
  @Field(() => Float)
  score: number;

  /** The scheme's maximum for the indicator, kept with the score so a later scheme edit does not rewrite it. */
  @Column({ type: "double" })
  @Field(() => Float)
  max: number;

  @Column({ type: "varchar", length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  comment: string | null;

  @Column({ type: "varchar", length: 40 })
  scoredBy: string;

  @Column({ type: "datetime", precision: 3 })
  scoredAt: Date;
}
