import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey } from "../../kit/loaders";
import { Call } from "./call.entity";

/** Calls per programme, oldest first. */
export const callsByProgram = (ctx: HubContext) =>
  ctx.loaders.get<string, Call[]>("callsByProgram", async (ids) => {
    const rows = await ctx.db.getRepository(Call).find({ where: { programId: In([...ids]) }, order: { opensAt: "ASC", id: "ASC" } });
    return groupByKey(ids, rows, (c) => c.programId);
  });
