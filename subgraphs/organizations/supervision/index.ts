export { SupervisionAssignment } from "./supervision-assignment.entity";
export { newLocalId } from "./supervision.ids";
export { supervisorsOf } from "./supervision.queries";
export { activeSupervisorsByOrganization } from "./supervision.loaders";

// Rating's fields print before supervision's (Mutation.transitionRating before recordSupervisionVisit,
// Organization.currentRating before .supervision), and type-graphql prints them in the order their resolvers load:
// rating, which imports this index back for the exports above, loads before the resolvers below.
import "../rating";

import { Feature } from "../../kit/feature";
import { SupervisionAssignment } from "./supervision-assignment.entity";
import { SupervisionVisit } from "./supervision-visit.entity";
import { OrganizationSupervisionResolver, SupervisionAssignmentResolver, SupervisionVisitResolver } from "./supervision.resolver";
import { seedSupervision } from "./supervision.seed";

/** Supervision (DOMAIN §3.6): social-work agencies' assignments to organizations, their visits and notes. */
export const supervisionFeature: Feature = {
  name: "supervision",
  entities: [SupervisionAssignment, SupervisionVisit],
  resolvers: [SupervisionAssignmentResolver, SupervisionVisitResolver, OrganizationSupervisionResolver],
  seed: (db) => db.transaction((tx) => seedSupervision(tx)),
};
