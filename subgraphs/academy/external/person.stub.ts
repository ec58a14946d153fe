import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A person, owned (and masked) by the organizations subgraph; enrollments and certificates hold only the id; this subgraph contributes `certificates`. */
@ObjectType("Person")
@Directive('@key(fields: "id")')
export class PersonStub {
  @Field(() => ID)
  id: string;
}
