import { now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { groupByKey, loaded, rowLoader, statusFilterArgs } from "../../kit/loaders";
import { Call, CallStatus } from "../calls";
import { Application } from "./application.entity";
import { ApplicationStatus } from "./application.enums";
import { whereVisibleTo } from "./application.policy";

/**
 * The applications of some `column` values the caller may see (application.policy), in id order, optionally of
 * some statuses: one query for the whole batch, narrowed in SQL.
 */
async function visibleApplicationsBy(ctx: HubContext, column: "callId" | "applicantOrgId", keys: readonly string[], statuses: ApplicationStatus[] | null): Promise<Application[][]> {
  const query = ctx.db
    .getRepository(Application)
    .createQueryBuilder("a")
    .innerJoin(Call, "c", "c.id = a.callId")
    .where(`a.${column} IN (:...keys)`, { keys })
    .orderBy("a.id", "ASC");
  if (statuses) query.andWhere("a.status IN (:...statuses)", { statuses });
  const rows = await whereVisibleTo(query, ctx.viewer, now()).getMany();
  return groupByKey(keys, rows, (row) => row[column]);
}

/** Applications per call that the caller may see, in id order (the order Call.applications pages in), optionally of some statuses. */
export const applicationsByCall = (ctx: HubContext, statuses: readonly ApplicationStatus[] | null | undefined) => {
  const filter = statusFilterArgs(statuses);
  return ctx.loaders.get<string, Application[]>("applicationsByCall", (ids) => visibleApplicationsBy(ctx, "callId", ids, filter), filter);
};

/** Applications per applicant organization that the caller may see, optionally of some statuses. */
export const applicationsByOrganization = (ctx: HubContext, statuses: readonly ApplicationStatus[] | null | undefined) => {
  const filter = statusFilterArgs(statuses);
  return ctx.loaders.get<string, Application[]>("applicationsByOrganization", (ids) => visibleApplicationsBy(ctx, "applicantOrgId", ids, filter), filter);
};

/**
 * The organizations whose past grants a reviewer reads (DOMAIN §9.2 "R (past grants of assigned applicants)"): the
 * applicants of the caller's assigned applications whose call is not DECIDED yet. Loaded once per request.
 */
export function reviewedApplicants(ctx: HubContext): Promise<Set<string>> {
  const viewer = ctx.viewer;
  if (!viewer.has("REVIEWER") || !viewer.applicationIds.length) return Promise.resolve(new Set());
  return ctx.loaders
    .get<"assigned", Set<string>>("reviewedApplicants", async (keys) => {
      const applications = loaded(await rowLoader(ctx, Application).loadMany(viewer.applicationIds)).filter((a): a is Application => a !== null);
      const calls = loaded(await rowLoader(ctx, Call).loadMany([...new Set(applications.map((a) => a.callId))]));
      const live = new Set(calls.filter((c): c is Call => c !== null && c.status !== CallStatus.DECIDED && c.status !== CallStatus.ARCHIVED).map((c) => c.id));
      const applicants = new Set(applications.filter((a) => live.has(a.callId)).map((a) => a.applicantOrgId));
      return keys.map(() => applicants);
    })
    .load("assigned");
}
