import { defineSubgraph } from "../kit/feature";
import { activitiesFeature } from "./activities";
import { activityRecordingFeature } from "./activity-recording";
import { directoryFeature } from "./directory";
import { externalFeature } from "./external";
import { federationMembershipFeature } from "./federation-membership";
import { filingFeature } from "./filing";
import { importFeature } from "./import";
import { leaderDependencyFeature } from "./leader-dependency";
import { membershipChangeFeature } from "./membership-change";
import { migrations } from "./migrations";
import { organizationSearchFeature } from "./organization-search";
import { ratingFeature } from "./rating";
import { supervisionFeature } from "./supervision";

/** Areas, organizations, people and memberships, filing, supervision, ratings and service records (DOMAIN §2–3). */
export const organizationsSubgraph = defineSubgraph({
  name: "organizations",
  defaultPort: 4001,
  migrations,
  features: [
    directoryFeature,
    filingFeature,
    federationMembershipFeature,
    membershipChangeFeature,
    supervisionFeature,
    ratingFeature,
    activitiesFeature,
    activityRecordingFeature,
    leaderDependencyFeature,
    organizationSearchFeature,
    importFeature,
    externalFeature,
  ],
});
