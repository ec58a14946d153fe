import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { parseId } from "../../kit/ids";
import { pageInMemory, pageWindow } from "../../kit/pagination";
import { Area } from "./area.entity";
import { Organization } from "./organization.entity";
import { activeMembershipsByOrganization, areaByCode, organizationById } from "./directory.loaders";
import { mayReadRoster } from "./roster.policy";
import { MemberRole } from "./directory.enums";
import { MembershipConnection, MembershipType } from "./membership.type";

const BACKBONE_ROLES = new Set([MemberRole.DEPUTY, MemberRole.BACKBONE]);

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "One organization; null when no organization has this id." })
  organization(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return organizationById(ctx).load(parseId("Organization", id, "id"));
  }

  @FieldResolver(() => Area)
  homeArea(@Root() org: Organization, @Ctx() ctx: HubContext) {
    return areaByCode(ctx).load(org.homeAreaCode);
  }

  @FieldResolver(() => [Area])
  async serviceAreas(@Root() org: Organization, @Ctx() ctx: HubContext) {
    const areas = await areaByCode(ctx).loadMany(org.serviceAreaCodes);
    return areas.filter((a): a is Area => a instanceof Area);
  }

  @FieldResolver(() => MembershipType, { nullable: true, description: "The active leader (负责人)." })
  async leader(@Root() org: Organization, @Ctx() ctx: HubContext) {
    const members = await activeMembershipsByOrganization(ctx).load(org.id);
    return members.find((m) => m.role === MemberRole.LEADER) ?? null;
  }

  @FieldResolver(() => [MembershipType], { description: "Active deputies and backbone members (骨干), leader excluded; [] for callers who may not read the roster." })
  async backbone(@Root() org: Organization, @Ctx() ctx: HubContext) {
    if (!(await mayReadRoster(ctx, org))) return [];
    const members = await activeMembershipsByOrganization(ctx).load(org.id);
    return members.filter((m) => BACKBONE_ROLES.has(m.role));
  }

  @FieldResolver(() => MembershipConnection, { description: "Active members, optionally of some roles; empty for callers who may not read the roster (§9.2)." })
  async members(
    @Root() org: Organization,
    @Ctx() ctx: HubContext,
    @Arg("roles", () => [MemberRole], { nullable: true }) roles?: MemberRole[],
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    const window = pageWindow({ first, after }, 50);
    if (!(await mayReadRoster(ctx, org))) return pageInMemory([], window);
    const members = (await activeMembershipsByOrganization(ctx).load(org.id)).filter((m) => !roles?.length || roles.includes(m.role));
    return pageInMemory([...members].sort((a, b) => (a.id < b.id ? -1 : 1)), window);
  }

  @FieldResolver(() => Int, { description: "Active memberships." })
  async memberCount(@Root() org: Organization, @Ctx() ctx: HubContext) {
    return (await activeMembershipsByOrganization(ctx).load(org.id)).length;
  }
}
