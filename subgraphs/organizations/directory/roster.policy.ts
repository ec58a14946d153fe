import { HubContext } from "../../kit/context";
import { Organization } from "./organization.entity";
import { areaByCode } from "./directory.loaders";
import { actsFor, isStaffFor } from "./access.policy";

/**
 * §9.2 "Member roster": federation admins, staff in scope, the organization's supervisor, leader and members.
 * Partners and everyone else see the leader (the public directory names him or her, masked) and the count only.
 */
export async function mayReadRoster(ctx: HubContext, org: Organization): Promise<boolean> {
  const viewer = ctx.viewer;
  if (viewer.has("FEDERATION_ADMIN")) return true;
  if (actsFor(viewer, "ORG_LEADER", org.id) || actsFor(viewer, "ORG_MEMBER", org.id) || actsFor(viewer, "SUPERVISOR", org.id)) return true;
  if (!viewer.has("STREET_STAFF") && !viewer.has("COMMUNITY_STAFF")) return false;
  const area = await areaByCode(ctx).load(org.homeAreaCode);
  return area !== null && isStaffFor(viewer, area);
}
