import { Feature } from "../../kit/feature";
import { CourseOfferingSeatsResolver } from "./course-offering.resolver";
import { Enrollment } from "./enrollment.entity";
import { EnrollmentStatus } from "./enrollment.enums";
import { EnrollmentResolver } from "./enrollment.resolver";
import { seedEnrollments } from "./enrollment.seed";
import { EnrollmentService } from "./enrollment.service";
import { OrganizationTrainingResolver } from "./organization.resolver";

export { Enrollment, EnrollmentStatus };

const enrollments = new EnrollmentService();

/** Seats and waitlist places in offerings, with the seat counts and Organization's training fields (DOMAIN §4, §8.4). */
export const enrollmentFeature: Feature = {
  name: "enrollment",
  entities: [Enrollment],
  resolvers: [EnrollmentResolver, CourseOfferingSeatsResolver, OrganizationTrainingResolver],
  // not referenceById: an enrollment is shown only to the callers §9.2 names, on every path
  references: { Enrollment: (ref, ctx) => enrollments.find(ctx, String(ref.id)) },
  seed: seedEnrollments,
};
