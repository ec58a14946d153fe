import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Person is owned by the organizations subgraph; venues only refers to it (who requested a booking). */
@ObjectType("Person")
@Directive('@key(fields: "id", resolvable: false)')
export class PersonStub {
  @Field(() => ID)
  id: string;
}
