import { LeaderDependencySignalRow } from "./entities/leader-dependency-signal.entity";
import { MemberCertificate } from "./entities/member-certificate.entity";
import { OrganizationRiskResolver } from "./resolvers/organization-risk.resolver";

/** Tables of the leader-dependency signal (DOMAIN §3.9) and the certificates it reads. */
export const leaderDependencyEntities = [LeaderDependencySignalRow, MemberCertificate];

export const leaderDependencyResolvers = [OrganizationRiskResolver];
