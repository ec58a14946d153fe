import { SubgraphModule } from "../kit/server";
import { Application } from "./applications/application.entity";
import { Call } from "./calls/call.entity";
import { Funder } from "./funders/funder.entity";
import { FundingProgram } from "./programs/funding-program.entity";
import { Grant } from "./grants/grant.entity";
import { migrations } from "./migrations";
import { ApplicationResolver } from "./applications/application.resolver";
import { CallResolver } from "./calls/call.resolver";
import { FunderResolver } from "./funders/funder.resolver";
import { GrantResolver } from "./grants/grant.resolver";
import { OrganizationFundingResolver } from "./grants/organization.resolver";
import { ProgramResolver } from "./programs/program.resolver";
import { fundingReferences } from "./funders/index";
import { seedFunding } from "./programs/program.seed";
import { AreaStub } from "./external/area.stub";
import { OrganizationStub } from "./external/organization.stub";

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
