import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { HubContext } from "../../kit/context";
import { DateScalar } from "../../kit/scalars";
import { MembershipChangeService } from "./membership-change.service";
import { MemberRole, MembershipType } from "../directory";

const changes = new MembershipChangeService();

@Resolver(() => MembershipType)
export class MembershipChangeResolver {
  @Mutation(() => MembershipType, {
    description: "Gives a member another role from effectiveOn (default today): the old row is closed, a new one opened. A new LEADER makes the old one DEPUTY.",
  })
  changeMemberRole(
    @Arg("membershipId", () => ID) membershipId: string,
    @Arg("role", () => MemberRole) role: MemberRole,
    @Arg("effectiveOn", () => DateScalar, { nullable: true }) effectiveOn: string | null | undefined,
    @Ctx() ctx: HubContext,
  ) {
    return changes.changeRole(ctx, membershipId, role, effectiveOn);
  }

  @Mutation(() => MembershipType, { description: "Ends a membership on leftOn (default today); the only leader must hand over first." })
  leaveOrganization(
    @Arg("membershipId", () => ID) membershipId: string,
    @Arg("leftOn", () => DateScalar, { nullable: true }) leftOn: string | null | undefined,
    @Ctx() ctx: HubContext,
  ) {
    return changes.leave(ctx, membershipId, leftOn);
  }
}
