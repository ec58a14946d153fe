import { FindOptionsWhere, In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey, groupByKey } from "../../kit/loaders";
import { statusArgs } from "../applications";
import { Grant } from "./grant.entity";
import { GrantStatus } from "./grant.enums";

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
