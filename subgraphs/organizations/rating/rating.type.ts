import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../kit/scalars";
import { StarLevel } from "./rating.enums";

/** The published outcome of a FINAL rating (DOMAIN §3.8); public (§9.2). */
@ObjectType("RatingResult", { description: "The published outcome of a final star rating; public." })
export class RatingResult {
  @Field(() => StarLevel)
  stars: StarLevel;

  @Field(() => Float)
  totalScore: number;

  @Field(() => Int)
  cycle: number;

  @Field(() => DateScalar, { description: "End of the next cycle year." })
  validUntil: string;

  @Field(() => Boolean, { description: "Scored under a pilot scheme." })
  pilot: boolean;
}

@InputType("IndicatorScoreInput", { description: "A panelist's score for one indicator of the evaluation's scheme." })
export class IndicatorScoreInput {
  @Field(() => String, { description: "Indicator code of the scheme, e.g. GOV, SVC." })
  indicator: string;

  @Field(() => Float, { description: "0 to the indicator's maximum." })
  score: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}
