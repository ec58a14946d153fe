import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { rowsGroupedByKey, statusFilterArgs } from "../../kit/loaders";
import { Grant } from "./grant.entity";
import { GrantStatus } from "./grant.enums";

/** Grants per grantee organization, newest period first, optionally of some statuses. */
export const grantsByOrganization = (ctx: HubContext, statuses: readonly GrantStatus[] | null | undefined) => {
  const filter = statusFilterArgs(statuses);
  return ctx.loaders.get<string, Grant[]>(
    "grantsByOrganization",
    (ids) => rowsGroupedByKey(ctx.db, Grant, "organizationId", ids, { where: filter ? { status: In(filter) } : undefined, order: { periodFrom: "DESC", id: "ASC" } }),
    filter,
  );
};
