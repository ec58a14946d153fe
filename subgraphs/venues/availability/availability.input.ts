import { Field, ID, InputType, Int } from "type-graphql";
import { LocalTimeScalar } from "../facilities";

@InputType({ description: "Near an area: its parent area's whole subtree (the same street for a community)." })
export class NearInput {
  @Field(() => ID)
  areaCode: string;

  @Field(() => Int, { nullable: true, description: "Accepted but not yet geographic: facilities carry no coordinates, so nearness is by area." })
  radiusMeters?: number | null;
}

@InputType()
export class TimeWindowInput {
  @Field(() => LocalTimeScalar)
  from: string;

  @Field(() => LocalTimeScalar)
  to: string;
}
