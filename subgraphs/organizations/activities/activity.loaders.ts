import { In, SelectQueryBuilder } from "typeorm";
import { HubContext } from "../../kit/context";
import { DateRangeInput } from "../../kit/days";
import { rawRowsOfShape } from "../../kit/built-sql";
import { groupByKey } from "../../kit/loaders";
import { minutesToHours } from "../../kit/scalars";
import { Area, Organization } from "../directory";
import { ServiceActivity } from "./service-activity.entity";
import { VolunteerHourLine } from "./volunteer-hour-line.entity";
import { VerificationStatus } from "./activity.enums";
import { ServiceStats } from "./service-stats.type";

// §3.10: lists read current versions only; statistics and grant outputs count only records the organization or
// its supervisor vouched for (Q6: "serviceStats over verified activities"), so an unconfirmed entry inflates nothing.
const VOUCHED_FOR = [VerificationStatus.ORG_CONFIRMED, VerificationStatus.SUPERVISOR_VERIFIED];

type ActivityQuery = SelectQueryBuilder<ServiceActivity>;

const current = (ctx: HubContext): ActivityQuery =>
  ctx.db.getRepository(ServiceActivity).createQueryBuilder("a").where("a.supersededById IS NULL");

const inPeriod = (query: ActivityQuery, period: DateRangeInput | null): ActivityQuery =>
  period ? query.andWhere("a.serviceDay BETWEEN :periodFrom AND :periodTo", { periodFrom: period.from, periodTo: period.to }) : query;

// pageInMemory compares ids as JS strings; MySQL's collation would order them case-insensitively
const inIdOrder = (rows: ServiceActivity[]) => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Current activity versions per organization, optionally within a period of days, in id order. */
export const activitiesByOrganization = (ctx: HubContext, period: DateRangeInput | null) =>
  ctx.loaders.get<string, ServiceActivity[]>(
    "activities.byOrganization",
    async (ids) => {
      const rows = await inPeriod(current(ctx).andWhere("a.organizationId IN (:...ids)", { ids: [...ids] }), period).getMany();
      return groupByKey(ids, inIdOrder(rows), (a) => a.organizationId);
    },
    period,
  );

/** Current activity versions per grant, in id order. */
export const activitiesByGrant = (ctx: HubContext) =>
  ctx.loaders.get<string, ServiceActivity[]>("activities.byGrant", async (ids) => {
    const rows = await current(ctx).andWhere("a.grantId IN (:...ids)", { ids: [...ids] }).getMany();
    return groupByKey(ids, inIdOrder(rows), (a) => a.grantId as string);
  });

/** Volunteer lines per activity version, in id order. */
export const linesByActivity = (ctx: HubContext) =>
  ctx.loaders.get<string, VolunteerHourLine[]>("activities.linesByActivity", async (ids) => {
    const rows = await ctx.db.getRepository(VolunteerHourLine).find({ where: { activityId: In([...ids]) }, order: { id: "ASC" } });
    return groupByKey(ids, rows, (l) => l.activityId);
  });

interface RawTotals {
  k: string;
  events: number | string;
  visits: number | string | null;
  minutes: number | string | null;
  orgs: number | string;
}

/**
 * Totals per key in two statements whatever the number of keys: one for the sums, one for distinct volunteers.
 * `shape` names what makes `scope`'s SQL differ between calls (kit/built-sql builds each text once).
 */
async function statsPerKey(
  ctx: HubContext,
  keys: readonly string[],
  keyExpression: string,
  shape: string,
  scope: (query: ActivityQuery) => ActivityQuery,
  statuses: VerificationStatus[],
): Promise<ServiceStats[]> {
  const base = () => scope(current(ctx).andWhere("a.verification IN (:...counted)", { counted: statuses }));
  const totals = await rawRowsOfShape<RawTotals>(
    ctx.db,
    `activities.totals:${shape}`,
    base()
      .select(keyExpression, "k")
      .addSelect("COUNT(*)", "events")
      .addSelect("SUM(a.beneficiaryVisits)", "visits")
      .addSelect("SUM(a.volunteerMinutes)", "minutes")
      .addSelect("COUNT(DISTINCT a.organizationId)", "orgs")
      .groupBy(keyExpression),
  );
  const volunteers = await rawRowsOfShape<{ k: string; volunteers: number | string }>(
    ctx.db,
    `activities.volunteers:${shape}`,
    base().innerJoin(VolunteerHourLine, "l", "l.activityId = a.id").select(keyExpression, "k").addSelect("COUNT(DISTINCT l.personId)", "volunteers").groupBy(keyExpression),
  );
  // MySQL returns SUM and COUNT as strings
  const totalsByKey = new Map(totals.map((t) => [String(t.k), t]));
  const volunteersByKey = new Map(volunteers.map((v) => [String(v.k), Number(v.volunteers)]));
  return keys.map((key) => {
    const t = totalsByKey.get(key);
    const minutes = Number(t?.minutes ?? 0);
    return {
      serviceEvents: Number(t?.events ?? 0),
      beneficiaryVisits: Number(t?.visits ?? 0),
      volunteerMinutes: minutes,
      volunteerHours: minutesToHours(minutes),
      activeVolunteers: volunteersByKey.get(key) ?? 0,
      activeOrganizations: Number(t?.orgs ?? 0),
    };
  });
}

/** ServiceStats per organization over a period (current, not rejected records). */
export const statsByOrganization = (ctx: HubContext, period: DateRangeInput) =>
  ctx.loaders.get<string, ServiceStats>(
    "activities.statsByOrganization",
    (ids) => statsPerKey(ctx, ids, "a.organizationId", "byOrganization", (q) => inPeriod(q.andWhere("a.organizationId IN (:...ids)", { ids: [...ids] }), period), VOUCHED_FOR),
    period,
  );

/**
 * ServiceStats per area subtree (keyed by the area's materialized path) over a period: every organization
 * whose home area lies under it. The requested paths become a derived table joined with LIKE, so distinct
 * volunteers and organizations are counted per subtree in SQL and nested areas need no second query.
 */
export const statsByAreaPath = (ctx: HubContext, period: DateRangeInput) =>
  ctx.loaders.get<string, ServiceStats>(
    "activities.statsByAreaPath",
    (paths) => {
      const parameters: Record<string, string> = {};
      const rows = paths.map((path, i) => {
        parameters[`subtreePath${i}`] = path;
        parameters[`subtreePattern${i}`] = `${path}%`; // area codes and "/" hold no LIKE wildcards
        return `SELECT :subtreePath${i} AS subtreePath, :subtreePattern${i} AS subtreePattern`;
      });
      return statsPerKey(
        ctx,
        paths,
        "q.subtreePath",
        `byAreaPath:${paths.length}`,
        (q) =>
          inPeriod(
            q
              .innerJoin(Organization, "o", "o.id = a.organizationId")
              .innerJoin(Area, "ar", "ar.code = o.homeAreaCode")
              .innerJoin(`(${rows.join(" UNION ALL ")})`, "q", "ar.path LIKE q.subtreePattern")
              .setParameters(parameters),
            period,
          ),
        VOUCHED_FOR,
      );
    },
    period,
  );

/** ServiceStats per grant over all time, counting only ORG_CONFIRMED and SUPERVISOR_VERIFIED records (§3.10). */
export const statsByGrant = (ctx: HubContext) =>
  ctx.loaders.get<string, ServiceStats>("activities.statsByGrant", (ids) =>
    statsPerKey(ctx, ids, "a.grantId", "byGrant", (q) => q.andWhere("a.grantId IN (:...ids)", { ids: [...ids] }), VOUCHED_FOR),
  );
