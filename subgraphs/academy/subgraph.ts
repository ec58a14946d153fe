import { defineSubgraph } from "../kit/feature";
import { academiesFeature } from "./academies";
import { certificatesFeature } from "./certificates";
import { coursesFeature } from "./courses";
import { enrollmentFeature } from "./enrollment";
import { externalFeature } from "./external";
import { migrations } from "./migrations";
import { sessionsFeature } from "./sessions";

/** Academies, courses, offerings, sessions, enrollments and certificates (DOMAIN §4). */
export const academySubgraph = defineSubgraph({
  name: "academy",
  defaultPort: 4002,
  migrations,
  features: [academiesFeature, coursesFeature, sessionsFeature, enrollmentFeature, certificatesFeature, externalFeature],
});
