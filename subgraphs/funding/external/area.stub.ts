import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Area is owned by the organizations subgraph; funding stores only its code. */
@ObjectType("Area")
@Directive('@key(fields: "code")')
export class AreaStub {
  @Field(() => ID)
  code: string;
}
