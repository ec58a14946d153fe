import { SubgraphModule } from "../kit/server";
import { Academy } from "./entities/academy.entity";
import { CourseOffering } from "./entities/course-offering.entity";
import { CourseSession } from "./entities/course-session.entity";
import { Course } from "./entities/course.entity";
import { Enrollment } from "./entities/enrollment.entity";
import { migrations } from "./migrations";
import { AcademyResolver } from "./resolvers/academy.resolver";
import { CourseOfferingResolver } from "./resolvers/course-offering.resolver";
import { CourseSessionResolver } from "./resolvers/course-session.resolver";
import { CourseResolver } from "./resolvers/course.resolver";
import { EnrollmentResolver } from "./resolvers/enrollment.resolver";
import { OrganizationEnrollmentsResolver } from "./resolvers/organization.resolver";
import { academyReferences } from "./resolvers/references";
import { seedAcademy } from "./seed";
import { AreaStub } from "./types/area.stub";
import { BookingStub } from "./types/booking.stub";
import { OrganizationStub } from "./types/organization.stub";
import { PersonStub } from "./types/person.stub";

/** Academies, courses, offerings, sessions and enrollments (DOMAIN §4). */
export const academySubgraph: SubgraphModule = {
  name: "academy",
  defaultPort: 4002,
  entities: [Academy, Course, CourseOffering, CourseSession, Enrollment],
  migrations,
  definition: {
    resolvers: [AcademyResolver, CourseResolver, CourseOfferingResolver, CourseSessionResolver, EnrollmentResolver, OrganizationEnrollmentsResolver],
    orphanedTypes: [AreaStub, BookingStub, OrganizationStub, PersonStub],
    references: academyReferences,
  },
  seed: seedAcademy,
};
