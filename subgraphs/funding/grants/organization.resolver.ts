import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Application, applicationsByOrganization, ApplicationStatus } from "../applications";
import { OrganizationStub } from "../external";
import { Grant } from "./grant.entity";
import { GrantStatus } from "./grant.enums";
import { grantsByOrganization } from "./grant.loaders";
import { withReadableStatus } from "./grant.policy";

// Funding's fields on Organization; the gateway batches every organization of a response into one _entities call.
@Resolver(() => OrganizationStub)
export class OrganizationFundingResolver {
  @FieldResolver(() => [Grant], {
    description: "Grants to this organization, newest first, optionally of some statuses; a status filter matches only grants whose status the caller may read.",
  })
  async grants(@Root() org: OrganizationStub, @Ctx() ctx: HubContext, @Arg("status", () => [GrantStatus], { nullable: true }) status?: GrantStatus[]) {
    const grants = await grantsByOrganization(ctx, status).load(org.id);
    return status?.length ? withReadableStatus(ctx, grants) : grants;
  }

  @FieldResolver(() => [Application], { description: "This organization's applications that the caller may see, optionally of some statuses." })
  applications(
    @Root() org: OrganizationStub,
    @Ctx() ctx: HubContext,
    @Arg("status", () => [ApplicationStatus], { nullable: true }) status?: ApplicationStatus[],
  ) {
    return applicationsByOrganization(ctx, status).load(org.id);
  }
}
