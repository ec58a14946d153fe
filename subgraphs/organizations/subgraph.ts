import { SubgraphModule } from "../kit/server";
import { Area } from "./entities/area.entity";
import { Membership } from "./entities/membership.entity";
import { Organization } from "./entities/organization.entity";
import { Person } from "./entities/person.entity";
import { migrations } from "./migrations";
import { AreaResolver } from "./resolvers/area.resolver";
import { MembershipResolver } from "./resolvers/membership.resolver";
import { OrganizationResolver } from "./resolvers/organization.resolver";
import { PersonResolver } from "./resolvers/person.resolver";
import { organizationReferences } from "./resolvers/references";
import { seedOrganizations } from "./seed";

/** Areas, organizations, people and memberships (DOMAIN §2–3). */
export const organizationsSubgraph: SubgraphModule = {
  name: "organizations",
  defaultPort: 4001,
  entities: [Area, Organization, Person, Membership],
  migrations,
  definition: {
    resolvers: [AreaResolver, OrganizationResolver, PersonResolver, MembershipResolver],
    references: organizationReferences,
  },
  seed: seedOrganizations,
};
