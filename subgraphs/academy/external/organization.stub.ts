import { Directive, Field, ID, ObjectType } from "type-graphql";

/** An organization, owned by the organizations subgraph; this subgraph contributes `enrollments` and `certifiedMemberCount`. */
@ObjectType("Organization")
@Directive('@key(fields: "id")')
export class OrganizationStub {
  @Field(() => ID)
  id: string;
}
