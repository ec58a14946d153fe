export { RiskLevel } from "./leader-dependency.type";
export { LeaderDependencySignalRow } from "./leader-dependency-signal.entity";
export { leaderDependencyFilterScope } from "./leader-dependency.policy";
export type { LeaderDependencyFilterScope } from "./leader-dependency.policy";
export { recomputeLeaderDependency } from "./leader-dependency.service";

import { Feature } from "../../kit/feature";
import { LeaderDependencySignalRow } from "./leader-dependency-signal.entity";
import { seedLeaderDependency } from "./leader-dependency.seed";
import { MemberCertificate } from "./member-certificate.entity";
import { OrganizationRiskResolver } from "./organization-risk.resolver";

/**
 * The leader-dependency signal (DOMAIN §3.9): stored per organization, recomputed by every write that changes
 * members, activities or certificates, shown on Organization.leaderDependency to those who may see it.
 */
export const leaderDependencyFeature: Feature = {
  name: "leader-dependency",
  entities: [LeaderDependencySignalRow, MemberCertificate],
  resolvers: [OrganizationRiskResolver],
  // after the members and activities it reads, as of the hub clock (the demo pins it to 2022-03-12)
  seed: (db) => db.transaction((tx) => seedLeaderDependency(tx)),
};
