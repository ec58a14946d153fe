import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { CallProgramResolver } from "./call.resolver";
import { FundingProgram } from "./funding-program.entity";
import { GrantProgramResolver } from "./grant.resolver";
import { ProgramType, TrancheCondition } from "./program.enums";
import { ProgramResolver } from "./program.resolver";
import { seedPrograms } from "./program.seed";

export { FundingProgram, ProgramType, TrancheCondition };

/** A funder's programmes and their tranche plans (DOMAIN §6), with Call.program and Grant.program. */
export const programsFeature: Feature = {
  name: "programs",
  entities: [FundingProgram],
  resolvers: [ProgramResolver, CallProgramResolver, GrantProgramResolver],
  references: { FundingProgram: referenceById("FundingProgram", (ctx) => rowLoader(ctx, FundingProgram)) },
  seed: seedPrograms,
};
