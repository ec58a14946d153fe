import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Area is owned by the organizations subgraph; venues holds its code and contributes `facilities`. */
@ObjectType("Area")
@Directive('@key(fields: "code")')
export class AreaStub {
  @Field(() => ID)
  code: string;
}
