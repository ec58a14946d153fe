import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey, groupByKey } from "../../kit/loaders";
import { FederationMembership } from "../federation-membership/federation-membership.entity";
import { FilingEvent } from "./filing-event.entity";
import { FilingRecord } from "./filing-record.entity";

/** The filing of each organization (at most one), or null. */
export const filingByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, FilingRecord | null>("filingByOrganization", async (ids) =>
    byKey(ids, await ctx.db.getRepository(FilingRecord).findBy({ organizationId: In([...ids]) }), (f) => f.organizationId),
  );

/** A filing's events, oldest first. */
export const filingEventsByFiling = (ctx: HubContext) =>
  ctx.loaders.get<string, FilingEvent[]>("filingEventsByFiling", async (ids) => {
    const rows = await ctx.db.getRepository(FilingEvent).find({ where: { filingId: In([...ids]) }, order: { at: "ASC", id: "ASC" } });
    return groupByKey(ids, rows, (e) => e.filingId);
  });

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
