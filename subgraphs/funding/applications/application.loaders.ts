import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { rowsGroupedByKey, statusFilterArgs } from "../../kit/loaders";
import { Application } from "./application.entity";
import { ApplicationStatus } from "./application.enums";

/** Applications per call in id order (the order Call.applications pages in), optionally of some statuses. */
export const applicationsByCall = (ctx: HubContext, statuses: readonly ApplicationStatus[] | null | undefined) => {
  const filter = statusFilterArgs(statuses);
  return ctx.loaders.get<string, Application[]>(
    "applicationsByCall",
    (ids) => rowsGroupedByKey(ctx.db, Application, "callId", ids, { where: filter ? { status: In(filter) } : undefined, order: { id: "ASC" } }),
    filter,
  );
};

/** Applications per applicant organization, optionally of some statuses. */
export const applicationsByOrganization = (ctx: HubContext, statuses: readonly ApplicationStatus[] | null | undefined) => {
  const filter = statusFilterArgs(statuses);
  return ctx.loaders.get<string, Application[]>(
    "applicationsByOrganization",
    (ids) => rowsGroupedByKey(ctx.db, Application, "applicantOrgId", ids, { where: filter ? { status: In(filter) } : undefined, order: { id: "ASC" } }),
    filter,
  );
};
