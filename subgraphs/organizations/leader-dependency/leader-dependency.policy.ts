import { HubContext } from "../../kit/context";
import { actsFor, areaByCode, isStaffFor, Organization } from "../directory";

/** §9.2 "Leader-dependency signal": full for FA, staff in scope, its SUP and OL; the level only for AC, RV, PO. */
export async function leaderDependencyAccess(ctx: HubContext, org: Organization): Promise<"full" | "level" | "none"> {
  const viewer = ctx.viewer;
  if (viewer.has("FEDERATION_ADMIN") || actsFor(viewer, "SUPERVISOR", org.id) || actsFor(viewer, "ORG_LEADER", org.id)) return "full";
  if (viewer.has("STREET_STAFF") || viewer.has("COMMUNITY_STAFF")) {
    const area = await areaByCode(ctx).load(org.homeAreaCode);
    if (area && isStaffFor(viewer, area)) return "full";
  }
  if (viewer.has("ACADEMY_STAFF") || viewer.has("REVIEWER") || viewer.has("PROGRAM_OFFICER")) return "level";
  return "none";
}

/** Whether the caller may filter lists by leader-dependency level (it would reveal the level otherwise). */
export function mayFilterByLeaderDependency(ctx: HubContext): boolean {
  const v = ctx.viewer;
  return ["FEDERATION_ADMIN", "STREET_STAFF", "COMMUNITY_STAFF", "SUPERVISOR", "ACADEMY_STAFF", "REVIEWER", "PROGRAM_OFFICER"].some((role) => v.has(role as never));
}
