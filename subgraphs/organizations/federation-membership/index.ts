export { FederationMembership } from "./federation-membership.entity";
export { federationMembershipsByOrganization } from "./federation-membership.loaders";
// A rule breach and how a service raises it: membership-change uses them too (candidates for the kit).
export type { RuleBreach } from "./rule-breach.rules";
export { raise } from "./rule-breach.service";

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
