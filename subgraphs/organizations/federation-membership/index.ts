export { FederationMembership } from "./federation-membership.entity";
export { federationMembershipsByOrganization } from "./federation-membership.loaders";
export { emitDeregistered, emitEligibilityChanged } from "./eligibility.events";

import { Feature } from "../../kit/feature";
import { FederationMembership } from "./federation-membership.entity";
import { FederationMembershipResolver } from "./federation-membership.resolver";
import { seedFederationMemberships } from "./federation-membership.seed";

/** Federation membership (DOMAIN §3.7): an organization applies to a federation (联合会), which decides. */
export const federationMembershipFeature: Feature = {
  name: "federation-membership",
  entities: [FederationMembership],
  resolvers: [FederationMembershipResolver],
  seed: (db) => db.transaction((tx) => seedFederationMemberships(tx)),
};
