import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Grant is owned by the funding subgraph; activity rows hold its id, so organizations contributes `activities` and `activitySummary`. */
@ObjectType("Grant")
@Directive('@key(fields: "id")')
export class GrantStub {
  @Field(() => ID)
  id: string;
}
