import { SubgraphModule } from "../kit/server";
import { activityEntities, activityResolvers } from "./activities.parts";
import { Area } from "./entities/area.entity";
import { Membership } from "./entities/membership.entity";
import { Organization } from "./entities/organization.entity";
import { Person } from "./entities/person.entity";
import { filingEntities, filingResolvers } from "./filing.parts";
import { importResolvers } from "./import.parts";
import { leaderDependencyEntities, leaderDependencyResolvers } from "./leader-dependency.parts";
import { migrations } from "./migrations";
import { supervisionRatingEntities, supervisionRatingResolvers } from "./rating.parts";
import { AreaResolver } from "./resolvers/area.resolver";
import { MembershipResolver } from "./resolvers/membership.resolver";
import { OrganizationResolver } from "./resolvers/organization.resolver";
import { PersonResolver } from "./resolvers/person.resolver";
import { organizationReferences } from "./resolvers/references";
import { seedOrganizations } from "./seed";

/** Areas, organizations, people and memberships, filing, supervision, ratings and service records (DOMAIN §2–3). */
export const organizationsSubgraph: SubgraphModule = {
  name: "organizations",
  defaultPort: 4001,
  entities: [Area, Organization, Person, Membership, ...filingEntities, ...supervisionRatingEntities, ...activityEntities, ...leaderDependencyEntities],
  migrations,
  definition: {
    resolvers: [AreaResolver, OrganizationResolver, PersonResolver, MembershipResolver, ...filingResolvers, ...supervisionRatingResolvers, ...activityResolvers, ...leaderDependencyResolvers, ...importResolvers],
    references: organizationReferences,
  },
  seed: seedOrganizations,
};
