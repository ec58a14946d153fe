export { FilingStatus } from "./filing.enums";
export { FilingRecord } from "./filing-record.entity";
export { FilingEvent } from "./filing-event.entity";
export { minimumMembersFor } from "./filing.machine";
export { whereFilingStatus } from "./filing.queries";
export { readsAnyFilingStatus } from "./filing.policy";

import { Feature } from "../../kit/feature";
import { FilingEvent } from "./filing-event.entity";
import { FilingEventResolver } from "./filing-event.resolver";
import { FilingRecord } from "./filing-record.entity";
import { FilingRecordResolver } from "./filing.resolver";
import { seedFiling } from "./filing.seed";
import { OrganizationFilingResolver } from "./organization-filing.resolver";

/**
 * Filing (备案, DOMAIN §3.5, §8.1): the record, its events and the machine that moves it, filing numbers, who may
 * see the details, and Organization.filing, .federationMemberships and .ageStructure.
 */
export const filingFeature: Feature = {
  name: "filing",
  entities: [FilingRecord, FilingEvent],
  resolvers: [OrganizationFilingResolver, FilingRecordResolver, FilingEventResolver],
  seed: (db) => db.transaction((tx) => seedFiling(tx)),
};
