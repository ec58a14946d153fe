export { BookingStub } from "./booking.stub";
export { GrantStub } from "./grant.stub";

import { Feature } from "../../kit/feature";
import { keyOnlyReference } from "../../kit/schema";
import { BookingStub } from "./booking.stub";
import { GrantStub } from "./grant.stub";

/**
 * Entities other subgraphs own that organizations refers to: venues' Booking and funding's Grant. The fields this
 * subgraph adds to Grant (activities, activitySummary) live in activities/.
 */
export const externalFeature: Feature = {
  name: "external",
  orphanedTypes: [BookingStub, GrantStub],
  // a Grant is resolved from its key alone: this subgraph only adds fields to it
  references: { Grant: keyOnlyReference("Grant") },
};
