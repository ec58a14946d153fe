import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { FederationMembership } from "./federation-membership.entity";

/** Federation memberships an organization is part of, as member or (for a hub) as the federation. */
export const federationMembershipsByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, FederationMembership[]>("federationMembershipsByOrganization", async (ids) => {
    const keys = [...ids];
    const rows = await ctx.db.getRepository(FederationMembership).find({
      where: [{ memberId: In(keys) }, { federationId: In(keys) }],
      order: { appliedAt: "ASC", id: "ASC" },
    });
    const groups = new Map<string, FederationMembership[]>(keys.map((key) => [key, []]));
    for (const row of rows) {
      groups.get(row.memberId)?.push(row);
      if (row.federationId !== row.memberId) groups.get(row.federationId)?.push(row);
    }
    return keys.map((key) => groups.get(key)!);
  });
