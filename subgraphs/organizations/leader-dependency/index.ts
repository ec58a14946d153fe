import { LeaderDependencySignalRow } from "./leader-dependency-signal.entity";
import { MemberCertificate } from "./member-certificate.entity";
import { OrganizationRiskResolver } from "./organization-risk.resolver";

/** Tables of the leader-dependency signal (DOMAIN §3.9) and the certificates it reads. */
export const leaderDependencyEntities = [LeaderDependencySignalRow, MemberCertificate];

export const leaderDependencyResolvers = [OrganizationRiskResolver];
