export { ActivityType, VerificationStatus } from "./activity.enums";
export { ServiceActivity } from "./service-activity.entity";
export { VolunteerHourLine } from "./volunteer-hour-line.entity";

import { Feature } from "../../kit/feature";
import { seedActivities } from "./activity.seed";
import { AreaActivitiesResolver } from "./area-activities.resolver";
import { GrantActivitiesResolver } from "./grant-activities.resolver";
import { OrganizationActivitiesResolver } from "./organization-activities.resolver";
import { ServiceActivity } from "./service-activity.entity";
import { ServiceActivityResolver, VolunteerHourLineResolver } from "./service-activity.resolver";
import { VolunteerHourLine } from "./volunteer-hour-line.entity";

/**
 * Service records and volunteer hours (DOMAIN §3.10) as they are read: who may see them, ServiceStats per
 * organization and area, and the activities and activitySummary this subgraph adds to funding's Grant. Writing them
 * is activity-recording's.
 */
export const activitiesFeature: Feature = {
  name: "activities",
  entities: [ServiceActivity, VolunteerHourLine],
  resolvers: [ServiceActivityResolver, VolunteerHourLineResolver, OrganizationActivitiesResolver, AreaActivitiesResolver, GrantActivitiesResolver],
  // the members the activities draw their volunteers from, then the activities with their hour lines
  seed: (db) => db.transaction((tx) => seedActivities(tx)),
};
