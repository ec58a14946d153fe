import { Directive, Field, ID, ObjectType } from "type-graphql";

/** An area, owned by the organizations subgraph; academies hold only its code. */
@ObjectType("Area")
@Directive('@key(fields: "code")')
export class AreaStub {
  @Field(() => ID)
  code: string;
}
