import { SubgraphModule } from "../kit/server";
import { Academy } from "./entities/academy.entity";
import { Certificate } from "./entities/certificate.entity";
import { CourseOffering } from "./entities/course-offering.entity";
import { CourseSession } from "./entities/course-session.entity";
import { Course } from "./entities/course.entity";
import { Enrollment } from "./entities/enrollment.entity";
import { migrations } from "./migrations";
import { BookingCourseSessionResolver } from "./resolvers/booking.resolver";
import { AcademyResolver } from "./resolvers/academy.resolver";
import { CertificateResolver } from "./resolvers/certificate.resolver";
import { CourseOfferingResolver } from "./resolvers/course-offering.resolver";
import { CourseSessionResolver } from "./resolvers/course-session.resolver";
import { CourseResolver } from "./resolvers/course.resolver";
import { EnrollmentResolver } from "./resolvers/enrollment.resolver";
import { OrganizationTrainingResolver } from "./resolvers/organization.resolver";
import { PersonCertificatesResolver } from "./resolvers/person.resolver";
import { academyReferences } from "./resolvers/references";
import { seedAcademy } from "./seed";
import { AreaStub } from "./types/area.stub";
import { BookingStub } from "./types/booking.stub";
import { OrganizationStub } from "./types/organization.stub";
import { PersonStub } from "./types/person.stub";

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
