import { FindOptionsWhere, In } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey, statusFilterArgs } from "../../kit/loaders";
import { Application } from "./application.entity";
import { ApplicationStatus } from "./application.enums";

/** Applications per call in id order (the order Call.applications pages in), optionally of some statuses. */
export const applicationsByCall = (ctx: HubContext, statuses: readonly ApplicationStatus[] | null | undefined) => {
  const filter = statusFilterArgs(statuses);
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
  const filter = statusFilterArgs(statuses);
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
