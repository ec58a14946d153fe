export { BookingStub } from "./booking.stub";
export { GrantStub } from "./grant.stub";

import { Feature } from "../../kit/feature";
import { keyOnlyReference } from "../../kit/schema";

/**
 * Entities other subgraphs own that organizations refers to: venues' Booking and funding's Grant. The fields this
 * subgraph adds to Grant (activities, activitySummary) live in activities/.
 *
 * No orphanedTypes: ServiceActivity.booking and .grant reach both stubs, and listing them would print Booking and
 * Grant first in schema/organizations.graphql (graphql-js collects a schema's extra types before Query's).
 */
export const externalFeature: Feature = {
  name: "external",
  // a Grant is resolved from its key alone: this subgraph only adds fields to it
  references: { Grant: keyOnlyReference("Grant") },
};
