import { FindOptionsWhere, In } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey, statusFilterArgs } from "../../kit/loaders";
import { Grant } from "./grant.entity";
import { GrantStatus } from "./grant.enums";

/** Grants per grantee organization, newest period first, optionally of some statuses. */
export const grantsByOrganization = (ctx: HubContext, statuses: readonly GrantStatus[] | null | undefined) => {
  const filter = statusFilterArgs(statuses);
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
