import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey, groupByKey } from "../../kit/loaders";
import { Call } from "./call.entity";

/** Calls by id. */
export const callById = (ctx: HubContext) =>
  ctx.loaders.get<string, Call | null>("callById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Call).findBy({ id: In([...ids]) }), (c) => c.id),
  );

/** Calls per programme, oldest first. */
export const callsByProgram = (ctx: HubContext) =>
  ctx.loaders.get<string, Call[]>("callsByProgram", async (ids) => {
    const rows = await ctx.db.getRepository(Call).find({ where: { programId: In([...ids]) }, order: { opensAt: "ASC", id: "ASC" } });
    return groupByKey(ids, rows, (c) => c.programId);
  });
