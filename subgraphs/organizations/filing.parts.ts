import { FederationMembership } from "./entities/federation-membership.entity";
import { FilingEvent } from "./entities/filing-event.entity";
import { FilingRecord } from "./entities/filing-record.entity";
import { FederationMembershipResolver } from "./resolvers/federation-membership.resolver";
import { FilingEventResolver } from "./resolvers/filing-event.resolver";
import { FilingRecordResolver } from "./resolvers/filing.resolver";
import { MembershipChangeResolver } from "./resolvers/membership-change.resolver";
import { OrganizationFilingResolver } from "./resolvers/organization-filing.resolver";

/** Tables of filing (备案, DOMAIN §3.5, §8.1) and federation membership (§3.7). */
export const filingEntities = [FilingRecord, FilingEvent, FederationMembership];

/** Resolvers of filing, federation membership, role changes and the age structure. */
export const filingResolvers = [OrganizationFilingResolver, FilingRecordResolver, FilingEventResolver, FederationMembershipResolver, MembershipChangeResolver];
