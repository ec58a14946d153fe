import { Field, Float, Int, ObjectType } from "type-graphql";
import { TrancheCondition } from "./program.enums";

/** One step of a programme's payment plan: `percent` of the award, paid once `condition` holds (DOMAIN §6). */
@ObjectType({ description: "One tranche of a programme's payment plan." })
export class TrancheRule {
  @Field(() => Int)
  seq: number;

  @Field(() => Float)
  percent: number;

  @Field(() => TrancheCondition)
  condition: TrancheCondition;
}
