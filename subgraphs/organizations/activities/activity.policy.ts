import { HubContext } from "../../kit/context";
import { actsFor, areaByCode, isStaffFor, Organization, organizationById } from "../directory";
import { ServiceActivity } from "./service-activity.entity";
import { VolunteerHourLine } from "./volunteer-hour-line.entity";

// Who may read service records (DOMAIN §9.2 "Service activities", "Volunteer-hour lines"; §9.3).

async function staffInScope(ctx: HubContext, organization: Organization): Promise<boolean> {
  if (!ctx.viewer.has("STREET_STAFF") && !ctx.viewer.has("COMMUNITY_STAFF")) return false;
  const area = await areaByCode(ctx).load(organization.homeAreaCode);
  return area !== null && isStaffFor(ctx.viewer, area);
}

/**
 * An organization's activity records: federation admins, staff in scope, its supervisor, its leader and members.
 * Everyone else (partners, anonymous) sees only the aggregates (`serviceStats`, `activitySummary`).
 */
export async function canReadActivities(ctx: HubContext, organization: Organization): Promise<boolean> {
  const viewer = ctx.viewer;
  if (viewer.anonymous) return false;
  if (viewer.has("FEDERATION_ADMIN")) return true;
  if ((["SUPERVISOR", "ORG_LEADER", "ORG_MEMBER"] as const).some((role) => actsFor(viewer, role, organization.id))) return true;
  return staffInScope(ctx, organization);
}

/** The activities of any organizations the caller may read, order kept; organizations load in one batch. */
export async function readableActivities(ctx: HubContext, activities: ServiceActivity[]): Promise<ServiceActivity[]> {
  if (ctx.viewer.anonymous || !activities.length) return [];
  const organizations = (await organizationById(ctx).loadMany([...new Set(activities.map((a) => a.organizationId))])).filter((o): o is Organization => o instanceof Organization);
  // checked side by side, so the area lookups of staff scope share one batch
  const verdicts = await Promise.all(organizations.map((organization) => canReadActivities(ctx, organization)));
  const readable = new Set(organizations.filter((_, i) => verdicts[i]).map((o) => o.id));
  return activities.filter((a) => readable.has(a.organizationId));
}

/**
 * Per-person volunteer lines: all of them for the organization's leader, its supervisor, staff in scope and
 * whoever recorded the activity; a volunteer sees their own line; everyone else (admins and partners included)
 * only the activity's total minutes.
 */
export async function visibleLines(ctx: HubContext, activity: ServiceActivity, lines: VolunteerHourLine[]): Promise<VolunteerHourLine[]> {
  const viewer = ctx.viewer;
  if (viewer.anonymous) return [];
  if (actsFor(viewer, "ORG_LEADER", activity.organizationId) || actsFor(viewer, "SUPERVISOR", activity.organizationId)) return lines;
  if (viewer.personId !== null && viewer.personId === activity.recordedById) return lines;
  const organization = await organizationById(ctx).load(activity.organizationId);
  if (organization && (await staffInScope(ctx, organization))) return lines;
  return viewer.personId ? lines.filter((line) => line.personId === viewer.personId) : [];
}
