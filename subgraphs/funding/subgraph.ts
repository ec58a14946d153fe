import { SubgraphModule } from "../kit/server";
import { Application } from "./entities/application.entity";
import { Call } from "./entities/call.entity";
import { Funder } from "./entities/funder.entity";
import { FundingProgram } from "./entities/funding-program.entity";
import { Grant } from "./entities/grant.entity";
import { migrations } from "./migrations";
import { ApplicationResolver } from "./resolvers/application.resolver";
import { CallResolver } from "./resolvers/call.resolver";
import { FunderResolver } from "./resolvers/funder.resolver";
import { GrantResolver } from "./resolvers/grant.resolver";
import { OrganizationFundingResolver } from "./resolvers/organization.resolver";
import { ProgramResolver } from "./resolvers/program.resolver";
import { fundingReferences } from "./resolvers/references";
import { seedFunding } from "./seed";
import { AreaStub } from "./types/area.stub";
import { OrganizationStub } from "./types/organization.stub";

/** Funders, programmes, calls, applications and grants (DOMAIN §6, §8.2 statuses). */
export const fundingSubgraph: SubgraphModule = {
  name: "funding",
  defaultPort: 4004,
  entities: [Funder, FundingProgram, Call, Application, Grant],
  migrations,
  definition: {
    resolvers: [FunderResolver, ProgramResolver, CallResolver, ApplicationResolver, GrantResolver, OrganizationFundingResolver],
    orphanedTypes: [OrganizationStub, AreaStub],
    references: fundingReferences,
  },
  seed: seedFunding,
};
