export type { HeldRole, MembershipPlan } from "./membership-change.rules";

import { Feature } from "../../kit/feature";
import { MembershipChangeResolver } from "./membership-change.resolver";

/** Role changes and leaving an organization (DOMAIN §3.3): the rules, the service and the two mutations. */
export const membershipChangeFeature: Feature = {
  name: "membership-change",
  resolvers: [MembershipChangeResolver],
};
