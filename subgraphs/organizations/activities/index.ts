import { ServiceActivity } from "./service-activity.entity";
import { VolunteerHourLine } from "./volunteer-hour-line.entity";
import { AreaActivitiesResolver } from "./area-activities.resolver";
import { GrantActivitiesResolver } from "./grant-activities.resolver";
import { OrganizationActivitiesResolver } from "./organization-activities.resolver";
import { ServiceActivityResolver, VolunteerHourLineResolver } from "./service-activity.resolver";

/** Tables of service records and volunteer hours (DOMAIN §3.10). */
export const activityEntities = [ServiceActivity, VolunteerHourLine];

/** Resolvers of service records, ServiceStats and the fields contributed to funding's Grant. */
export const activityResolvers = [ServiceActivityResolver, VolunteerHourLineResolver, OrganizationActivitiesResolver, AreaActivitiesResolver, GrantActivitiesResolver];
