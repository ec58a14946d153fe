import { FindOptionsWhere, In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey, groupByKey } from "../../kit/loaders";
import { Application } from "./application.entity";
import { Call } from "../calls/call.entity";
import { Funder } from "../funders/funder.entity";
import { FundingProgram } from "../programs/funding-program.entity";
import { Grant } from "../grants/grant.entity";
import { ApplicationStatus, GrantStatus } from "./application.enums";

/** A status filter as one loader signature: sorted and deduplicated; null (no filter) when empty. */
function statusArgs<S extends string>(statuses: readonly S[] | null | undefined): S[] | null {
  return statuses?.length ? [...new Set(statuses)].sort() : null;
}

/** Funders by id. */
export const funderById = (ctx: HubContext) =>
  ctx.loaders.get<string, Funder | null>("funderById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Funder).findBy({ id: In([...ids]) }), (f) => f.id),
  );

/** Programmes by id. */
export const programById = (ctx: HubContext) =>
  ctx.loaders.get<string, FundingProgram | null>("programById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(FundingProgram).findBy({ id: In([...ids]) }), (p) => p.id),
  );

/** Calls by id. */
export const callById = (ctx: HubContext) =>
  ctx.loaders.get<string, Call | null>("callById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Call).findBy({ id: In([...ids]) }), (c) => c.id),
  );

/** Applications by id. */
export const applicationById = (ctx: HubContext) =>
  ctx.loaders.get<string, Application | null>("applicationById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Application).findBy({ id: In([...ids]) }), (a) => a.id),
  );

/** Grants by id. */
export const grantById = (ctx: HubContext) =>
  ctx.loaders.get<string, Grant | null>("grantById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Grant).findBy({ id: In([...ids]) }), (g) => g.id),
  );

/** The grant (if any) that came of each application. */
export const grantByApplication = (ctx: HubContext) =>
  ctx.loaders.get<string, Grant | null>("grantByApplication", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Grant).findBy({ applicationId: In([...ids]) }), (g) => g.applicationId),
  );

/** Calls per programme, oldest first. */
export const callsByProgram = (ctx: HubContext) =>
  ctx.loaders.get<string, Call[]>("callsByProgram", async (ids) => {
    const rows = await ctx.db.getRepository(Call).find({ where: { programId: In([...ids]) }, order: { opensAt: "ASC", id: "ASC" } });
    return groupByKey(ids, rows, (c) => c.programId);
  });

/** Applications per call in id order (the order Call.applications pages in), optionally of some statuses. */
export const applicationsByCall = (ctx: HubContext, statuses: readonly ApplicationStatus[] | null | undefined) => {
  const filter = statusArgs(statuses);
  return ctx.loaders.get<string, Application[]>(
    "applicationsByCall",
    async (ids) => {
      const where: FindOptionsWhere<Application> = filter ? { callId: In([...ids]), status: In(filter) } : { callId: In([...ids]) };
      const rows = await ctx.db.getRepository(Application).find({ where, order: { id: "ASC" } });
      return groupByKey(ids, rows, (a) => a.callId);
    },
    filter,
  );
};

/** Applications per applicant organization, optionally of some statuses. */
export const applicationsByOrganization = (ctx: HubContext, statuses: readonly ApplicationStatus[] | null | undefined) => {
  const filter = statusArgs(statuses);
  return ctx.loaders.get<string, Application[]>(
    "applicationsByOrganization",
    async (ids) => {
      const where: FindOptionsWhere<Application> = filter ? { applicantOrgId: In([...ids]), status: In(filter) } : { applicantOrgId: In([...ids]) };
      const rows = await ctx.db.getRepository(Application).find({ where, order: { id: "ASC" } });
      return groupByKey(ids, rows, (a) => a.applicantOrgId);
    },
    filter,
  );
};

/** Grants per grantee organization, newest period first, optionally of some statuses. */
export const grantsByOrganization = (ctx: HubContext, statuses: readonly GrantStatus[] | null | undefined) => {
  const filter = statusArgs(statuses);
  return ctx.loaders.get<string, Grant[]>(
    "grantsByOrganization",
    async (ids) => {
      const where: FindOptionsWhere<Grant> = filter ? { organizationId: In([...ids]), status: In(filter) } : { organizationId: In([...ids]) };
      const rows = await ctx.db.getRepository(Grant).find({ where, order: { periodFrom: "DESC", id: "ASC" } });
      return groupByKey(ids, rows, (g) => g.organizationId);
    },
    filter,
  );
};
