import { FederationMembership } from "../federation-membership/federation-membership.entity";
import { FilingEvent } from "./filing-event.entity";
import { FilingRecord } from "./filing-record.entity";
import { FederationMembershipResolver } from "../federation-membership/federation-membership.resolver";
import { FilingEventResolver } from "./filing-event.resolver";
import { FilingRecordResolver } from "./filing.resolver";
import { MembershipChangeResolver } from "../membership-change/membership-change.resolver";
import { OrganizationFilingResolver } from "./organization-filing.resolver";

/** Tables of filing (备案, DOMAIN §3.5, §8.1) and federation membership (§3.7). */
export const filingEntities = [FilingRecord, FilingEvent, FederationMembership];

/** Resolvers of filing, federation membership, role changes and the age structure. */
export const filingResolvers = [OrganizationFilingResolver, FilingRecordResolver, FilingEventResolver, FederationMembershipResolver, MembershipChangeResolver];
