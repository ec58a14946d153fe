import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Organization is owned by the organizations subgraph; venues holds its id and contributes `bookings`. */
@ObjectType("Organization")
@Directive('@key(fields: "id")')
export class OrganizationStub {
  @Field(() => ID)
  id: string;
}
