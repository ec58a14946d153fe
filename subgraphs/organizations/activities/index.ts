export { VerificationStatus } from "./activity.enums";
export { ServiceActivity } from "./service-activity.entity";
// Business-day periods: only this feature uses them today (candidates for the kit).
export { checkPeriod } from "./period.rules";
export type { Period } from "./period.rules";
export { DateRangeInput } from "./date-range.input";

import { Feature } from "../../kit/feature";
import { seedActivities } from "./activity.seed";
import { AreaActivitiesResolver } from "./area-activities.resolver";
import { GrantActivitiesResolver } from "./grant-activities.resolver";
import { OrganizationActivitiesResolver } from "./organization-activities.resolver";
import { ServiceActivity } from "./service-activity.entity";
import { ServiceActivityResolver, VolunteerHourLineResolver } from "./service-activity.resolver";
import { VolunteerHourLine } from "./volunteer-hour-line.entity";

/**
 * Service records and volunteer hours (DOMAIN §3.10): recording, correcting and verifying them, ServiceStats per
 * organization and area, and the activities and activitySummary this subgraph adds to funding's Grant.
 */
export const activitiesFeature: Feature = {
  name: "activities",
  entities: [ServiceActivity, VolunteerHourLine],
  resolvers: [ServiceActivityResolver, VolunteerHourLineResolver, OrganizationActivitiesResolver, AreaActivitiesResolver, GrantActivitiesResolver],
  // the members the activities draw their volunteers from, then the activities with their hour lines
  seed: (db) => db.transaction((tx) => seedActivities(tx)),
};
