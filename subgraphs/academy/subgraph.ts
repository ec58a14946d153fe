import { SubgraphModule } from "../kit/server";
import { Academy } from "./academies/academy.entity";
import { Certificate } from "./certificates/certificate.entity";
import { CourseOffering } from "./courses/course-offering.entity";
import { CourseSession } from "./sessions/course-session.entity";
import { Course } from "./courses/course.entity";
import { Enrollment } from "./enrollment/enrollment.entity";
import { migrations } from "./migrations";
import { BookingCourseSessionResolver } from "./sessions/booking.resolver";
import { AcademyResolver } from "./academies/academy.resolver";
import { CertificateResolver } from "./certificates/certificate.resolver";
import { CourseOfferingResolver } from "./courses/course-offering.resolver";
import { CourseSessionResolver } from "./sessions/course-session.resolver";
import { CourseResolver } from "./courses/course.resolver";
import { EnrollmentResolver } from "./enrollment/enrollment.resolver";
import { OrganizationTrainingResolver } from "./enrollment/organization.resolver";
import { PersonCertificatesResolver } from "./certificates/person.resolver";
import { academyReferences } from "./certificates/index";
import { seedAcademy } from "./courses/course.seed";
import { AreaStub } from "./external/area.stub";
import { BookingStub } from "./external/booking.stub";
import { OrganizationStub } from "./external/organization.stub";
import { PersonStub } from "./external/person.stub";

/** Academies, courses, offerings, sessions, enrollments and certificates (DOMAIN §4). */
export const academySubgraph: SubgraphModule = {
  name: "academy",
  defaultPort: 4002,
  entities: [Academy, Course, CourseOffering, CourseSession, Enrollment, Certificate],
  migrations,
  definition: {
    resolvers: [
      BookingCourseSessionResolver,
      AcademyResolver,
      CourseResolver,
      CourseOfferingResolver,
      CourseSessionResolver,
      EnrollmentResolver,
      CertificateResolver,
      OrganizationTrainingResolver,
      PersonCertificatesResolver,
    ],
    orphanedTypes: [AreaStub, BookingStub, OrganizationStub, PersonStub],
    references: academyReferences,
  },
  seed: seedAcademy,
};
