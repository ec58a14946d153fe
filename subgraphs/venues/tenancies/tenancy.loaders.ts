import { HubContext } from "../../kit/context";
import { rowsGroupedByKey } from "../../kit/loaders";
import { Tenancy } from "./tenancy.entity";

/** Tenancies per organization, newest first. */
export const tenanciesByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, Tenancy[]>("tenanciesByOrganization", (ids) =>
    rowsGroupedByKey(ctx.db, Tenancy, "organizationId", ids, { order: { from: "DESC", id: "ASC" } }),
  );
