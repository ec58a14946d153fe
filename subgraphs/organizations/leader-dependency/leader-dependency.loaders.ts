import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey } from "../../kit/loaders";
import { LeaderDependencySignalRow } from "./leader-dependency-signal.entity";

/** The stored leader-dependency signal per organization. */
export const signalByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, LeaderDependencySignalRow | null>("signalByOrganization", async (ids) =>
    byKey(ids, await ctx.db.getRepository(LeaderDependencySignalRow).findBy({ organizationId: In([...ids]) }), (s) => s.organizationId),
  );
