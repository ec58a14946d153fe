import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey } from "../../kit/loaders";
import { Tenancy } from "./tenancy.entity";

/** Tenancies per organization, newest first. */
export const tenanciesByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, Tenancy[]>("tenanciesByOrganization", async (ids) => {
    const rows = await ctx.db.getRepository(Tenancy).find({ where: { organizationId: In([...ids]) }, order: { from: "DESC", id: "ASC" } });
    return groupByKey(ids, rows, (t) => t.organizationId);
  });
