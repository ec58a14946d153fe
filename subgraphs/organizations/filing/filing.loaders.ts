import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey } from "../../kit/loaders";
import { FilingEvent } from "./filing-event.entity";

/** A filing's events, oldest first. */
export const filingEventsByFiling = (ctx: HubContext) =>
  ctx.loaders.get<string, FilingEvent[]>("filingEventsByFiling", async (ids) => {
    const rows = await ctx.db.getRepository(FilingEvent).find({ where: { filingId: In([...ids]) }, order: { at: "ASC", id: "ASC" } });
    return groupByKey(ids, rows, (e) => e.filingId);
  });
