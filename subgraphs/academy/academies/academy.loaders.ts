import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey } from "../../kit/loaders";
import { Academy } from "./academy.entity";

/** Academies by id: references, parents and a course's academy. */
export const academyById = (ctx: HubContext) =>
  ctx.loaders.get<string, Academy | null>("academyById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Academy).findBy({ id: In([...ids]) }), (a) => a.id),
  );
