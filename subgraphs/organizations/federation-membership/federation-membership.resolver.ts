import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { FederationMembership } from "./federation-membership.entity";
import { Organization, organizationById } from "../directory";
import { FederationMembershipService } from "./federation-membership.service";
import { FederationMembershipStatus } from "./federation-membership.enums";

const memberships = new FederationMembershipService();

@Resolver(() => FederationMembership)
export class FederationMembershipResolver {
  @Mutation(() => FederationMembership, { description: "The organization's leader applies to join a federation of its area (DOMAIN §3.7)." })
  applyForFederationMembership(
    @Arg("federationId", () => ID) federationId: string,
    @Arg("organizationId", () => ID) organizationId: string,
    @Ctx() ctx: HubContext,
  ) {
    return memberships.apply(ctx, federationId, organizationId);
  }

  @Mutation(() => FederationMembership, { description: "A federation admin or street staff admits, suspends or ends a membership." })
  decideFederationMembership(
    @Arg("id", () => ID) id: string,
    @Arg("status", () => FederationMembershipStatus) status: FederationMembershipStatus,
    @Ctx() ctx: HubContext,
  ) {
    return memberships.decide(ctx, id, status);
  }

  @FieldResolver(() => Organization)
  federation(@Root() membership: FederationMembership, @Ctx() ctx: HubContext) {
    return organizationById(ctx).load(membership.federationId);
  }

  @FieldResolver(() => Organization)
  member(@Root() membership: FederationMembership, @Ctx() ctx: HubContext) {
    return organizationById(ctx).load(membership.memberId);
  }
}
