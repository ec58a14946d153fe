import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { fenColumn } from "./fen.column";
import { Funder } from "./funder.entity";
import { FunderType } from "./funder.enums";
import { FunderResolver } from "./funder.resolver";
import { seedFunders } from "./funder.seed";

export { Funder, FunderType, fenColumn };

/** Bodies that fund community projects (DOMAIN §6); every other funding feature stands on this one. */
export const fundersFeature: Feature = {
  name: "funders",
  entities: [Funder],
  resolvers: [FunderResolver],
  references: { Funder: referenceById("Funder", (ctx) => rowLoader(ctx, Funder)) },
  seed: seedFunders,
};
