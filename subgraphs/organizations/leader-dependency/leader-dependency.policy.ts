import { HubContext } from "../../kit/context";
import { actsFor, Area, areaByCode, isStaffFor, Organization } from "../directory";

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

/**
 * Which organizations a leader-dependency filter may return for this caller, since a filtered list reveals each
 * listed organization's level: every organization for FA, AC, RV and PO (§9.2 R / R (level)); for SS/CS the
 * subtrees of their areas and for SUP their assigned organizations (§9.2 R s); null when the caller may not filter.
 */
export type LeaderDependencyFilterScope = { everywhere: true } | { everywhere: false; areaPaths: string[]; orgIds: string[] };

export async function leaderDependencyFilterScope(ctx: HubContext): Promise<LeaderDependencyFilterScope | null> {
  const viewer = ctx.viewer;
  if (["FEDERATION_ADMIN", "ACADEMY_STAFF", "REVIEWER", "PROGRAM_OFFICER"].some((role) => viewer.has(role as never))) return { everywhere: true };
  const staff = viewer.has("STREET_STAFF") || viewer.has("COMMUNITY_STAFF");
  const supervisor = viewer.has("SUPERVISOR");
  if (!staff && !supervisor) return null;
  // paths come from the areas table, never from the token, so they hold no LIKE wildcards
  const areas = staff ? await areaByCode(ctx).loadMany(viewer.areaCodes.filter(Boolean)) : [];
  const areaPaths = areas.filter((a): a is Area => a instanceof Area).map((a) => a.path);
  return { everywhere: false, areaPaths, orgIds: supervisor ? viewer.orgIds : [] };
}
