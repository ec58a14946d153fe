import { Directive, Field, ID, ObjectType } from "type-graphql";
import { AreaStub } from "./area.stub";

/** An organization, owned by the organizations subgraph; this subgraph contributes `enrollments` and `certifiedMemberCount`. */
@ObjectType("Organization")
@Directive('@key(fields: "id")')
export class OrganizationStub {
  @Field(() => ID)
  id: string;

  /** Owned by organizations; the gateway fetches it for the fields that @requires it (area-scoped reads). */
  @Field(() => AreaStub)
  @Directive("@external")
  homeArea?: AreaStub;
}
