import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Organization is owned by the organizations subgraph; funding holds its id and contributes grants and applications. */
@ObjectType("Organization")
@Directive('@key(fields: "id")')
export class OrganizationStub {
  @Field(() => ID)
  id: string;
}
