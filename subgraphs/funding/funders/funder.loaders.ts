import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey } from "../../kit/loaders";
import { Funder } from "./funder.entity";

/** Funders by id. */
export const funderById = (ctx: HubContext) =>
  ctx.loaders.get<string, Funder | null>("funderById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Funder).findBy({ id: In([...ids]) }), (f) => f.id),
  );
