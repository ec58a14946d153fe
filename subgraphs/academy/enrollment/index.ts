import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { CourseOfferingSeatsResolver } from "./course-offering.resolver";
import { Enrollment } from "./enrollment.entity";
import { EnrollmentStatus } from "./enrollment.enums";
import { EnrollmentResolver } from "./enrollment.resolver";
import { seedEnrollments } from "./enrollment.seed";
import { OrganizationTrainingResolver } from "./organization.resolver";

export { Enrollment, EnrollmentStatus };

/** Seats and waitlist places in offerings, with the seat counts and Organization's training fields (DOMAIN §4, §8.4). */
export const enrollmentFeature: Feature = {
  name: "enrollment",
  entities: [Enrollment],
  resolvers: [EnrollmentResolver, CourseOfferingSeatsResolver, OrganizationTrainingResolver],
  references: { Enrollment: referenceById("Enrollment", (ctx) => rowLoader(ctx, Enrollment)) },
  seed: seedEnrollments,
};
