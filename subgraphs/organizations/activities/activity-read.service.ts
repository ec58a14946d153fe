import { HubContext } from "../../kit/context";
import { DateRangeInput, rangeProblem } from "../../kit/days";
import { typeOfId } from "../../kit/ids";
import { Page, pageInMemory, pageWindow } from "../../kit/pagination";
import { raise } from "../../kit/problem";
import { minutesToHours } from "../../kit/scalars";
import { activitiesByGrant, activitiesByOrganization, statsByAreaPath, statsByGrant, statsByOrganization } from "./activity.loaders";
import { Area, Organization } from "../directory";
import { ServiceActivity } from "./service-activity.entity";
import { ServiceStats } from "./service-stats.type";
import { canReadActivities, readableActivities } from "./activity.policy";

const EMPTY_STATS: ServiceStats = { serviceEvents: 0, beneficiaryVisits: 0, volunteerMinutes: 0, volunteerHours: minutesToHours(0), activeVolunteers: 0, activeOrganizations: 0 };

/** The business days of `period`, checked to run forward. */
function period(range: DateRangeInput): DateRangeInput {
  raise(rangeProblem(range, "period"));
  return { from: range.from, to: range.to };
}

/** Activity lists and service totals (§3.10, §9.2): lists for those who may read records, totals for everyone. */
export class ServiceActivityReads {
  async forOrganization(ctx: HubContext, organization: Organization, range: DateRangeInput | null | undefined, page: { first?: number | null; after?: string | null }): Promise<Page<ServiceActivity>> {
    const window = pageWindow(page, 20);
    const days = range ? period(range) : null;
    if (!(await canReadActivities(ctx, organization))) return pageInMemory([], window);
    return pageInMemory(await activitiesByOrganization(ctx, days).load(organization.id), window);
  }

  statsForOrganization(ctx: HubContext, organization: Organization, range: DateRangeInput): Promise<ServiceStats> {
    return statsByOrganization(ctx, period(range)).load(organization.id);
  }

  statsForArea(ctx: HubContext, area: Area, range: DateRangeInput): Promise<ServiceStats> {
    return statsByAreaPath(ctx, period(range)).load(area.path);
  }

  async forGrant(ctx: HubContext, grantId: string, page: { first?: number | null; after?: string | null }): Promise<Page<ServiceActivity>> {
    const window = pageWindow(page, 50);
    // a representation id that is not a grant id has no activities; it never reaches SQL
    if (typeOfId(grantId) !== "Grant") return pageInMemory([], window);
    return pageInMemory(await readableActivities(ctx, await activitiesByGrant(ctx).load(grantId)), window);
  }

  async summaryForGrant(ctx: HubContext, grantId: string): Promise<ServiceStats> {
    if (typeOfId(grantId) !== "Grant") return EMPTY_STATS;
    return statsByGrant(ctx).load(grantId);
  }
}
