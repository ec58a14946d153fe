import { ServiceActivity } from "./entities/service-activity.entity";
import { VolunteerHourLine } from "./entities/volunteer-hour-line.entity";
import { AreaActivitiesResolver } from "./resolvers/area-activities.resolver";
import { GrantActivitiesResolver } from "./resolvers/grant-activities.resolver";
import { OrganizationActivitiesResolver } from "./resolvers/organization-activities.resolver";
import { ServiceActivityResolver, VolunteerHourLineResolver } from "./resolvers/service-activity.resolver";

/** Tables of service records and volunteer hours (DOMAIN §3.10). */
export const activityEntities = [ServiceActivity, VolunteerHourLine];

/** Resolvers of service records, ServiceStats and the fields contributed to funding's Grant. */
export const activityResolvers = [ServiceActivityResolver, VolunteerHourLineResolver, OrganizationActivitiesResolver, AreaActivitiesResolver, GrantActivitiesResolver];
