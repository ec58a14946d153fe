import { cacheTag } from "../../../platform/public-facts";
// What the other features take from the directory: its tables, enums, GraphQL shapes, loaders, scope checks,
// masking and terms.
export { AgeBand, AreaLevel, HubType, LegalForm, MemberRole, OrgCategory, OrgForm, OrgStatus } from "./directory.enums";
export { Area } from "./area.entity";
export { Organization } from "./organization.entity";
export { Person } from "./person.entity";
export { Membership } from "./membership.entity";
export { PersonType } from "./person.type";
export { MembershipType } from "./membership.type";
export { activeMembershipsByOrganization, areaByCode, organizationById, personById } from "./directory.loaders";
export { actsFor, isStaffFor } from "./access.policy";
export { ageBandOf } from "./masking.policy";
export { categoryFromTerm, categoryTerm, orgFormFromTerm, orgFormTerm } from "./organization-terms.rules";

import { Feature } from "../../kit/feature";
import { referenceById } from "../../kit/schema";
import { Area } from "./area.entity";
import { AreaResolver } from "./area.resolver";
import { areaByCode, organizationById, personById } from "./directory.loaders";
import { seedDirectory } from "./directory.seed";
import { Membership } from "./membership.entity";
import { MembershipResolver } from "./membership.resolver";
import { Organization } from "./organization.entity";
import { OrganizationResolver } from "./organization.resolver";
import { Person } from "./person.entity";
import { PersonResolver } from "./person.resolver";

/**
 * Areas, organizations, people and memberships (DOMAIN §2–3.2): the public directory, the roster and the masking of
 * personal fields (§9.3). Every other subgraph's references to Organization, Person and Area resolve here.
 */
export const directoryFeature: Feature = {
  name: "directory",
  entities: [Area, Organization, Person, Membership],
  resolvers: [AreaResolver, OrganizationResolver, PersonResolver, MembershipResolver],
  references: {
    Organization: referenceById("Organization", organizationById),
    Person: referenceById("Person", personById),
    Area: (ref, ctx) => areaByCode(ctx).load(String(ref.code)),
  },
  publicReads: {
    queries: {
      area: (args: { code: string }) => [cacheTag.area(args.code)],
      areas: () => [cacheTag.directory],
      organization: (args: { id: string }) => [cacheTag.organization(args.id)],
    },
    entities: {
      Organization: (ref: { id: string }) => [cacheTag.organization(ref.id)],
      Area: (ref: { code: string }) => [cacheTag.area(ref.code)],
    },
  },
  seed: (db) => db.transaction((tx) => seedDirectory(tx)),
};
