import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey } from "../../kit/loaders";
import { FundingProgram } from "./funding-program.entity";

/** Programmes by id. */
export const programById = (ctx: HubContext) =>
  ctx.loaders.get<string, FundingProgram | null>("programById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(FundingProgram).findBy({ id: In([...ids]) }), (p) => p.id),
  );
