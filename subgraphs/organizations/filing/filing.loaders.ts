import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey, groupByKey } from "../../kit/loaders";
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
