import { HubContext } from "../../kit/context";
import { rowsGroupedByKey } from "../../kit/loaders";
import { Call } from "./call.entity";

/** Calls per programme, oldest first. */
export const callsByProgram = (ctx: HubContext) =>
  ctx.loaders.get<string, Call[]>("callsByProgram", (ids) => rowsGroupedByKey(ctx.db, Call, "programId", ids, { order: { opensAt: "ASC", id: "ASC" } }));
