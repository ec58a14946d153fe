export { SupervisionAssignment } from "./supervision-assignment.entity";
export { supervisorsOf } from "./supervision.queries";
export { activeSupervisorsByOrganization } from "./supervision.loaders";

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
