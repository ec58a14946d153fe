import { SubgraphModule } from "../kit/server";
import { activityEntities, activityResolvers } from "./activities/index";
import { Area } from "./directory/area.entity";
import { Membership } from "./directory/membership.entity";
import { Organization } from "./directory/organization.entity";
import { Person } from "./directory/person.entity";
import { filingEntities, filingResolvers } from "./filing/index";
import { importResolvers } from "./import/index";
import { leaderDependencyEntities, leaderDependencyResolvers } from "./leader-dependency/index";
import { migrations } from "./migrations";
import { supervisionRatingEntities, supervisionRatingResolvers } from "./rating/index";
import { AreaResolver } from "./directory/area.resolver";
import { MembershipResolver } from "./directory/membership.resolver";
import { OrganizationResolver } from "./directory/organization.resolver";
import { PersonResolver } from "./directory/person.resolver";
import { organizationReferences } from "./directory/index";
import { seedOrganizations } from "./directory/directory.seed";

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
