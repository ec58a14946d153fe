import { defineSubgraph } from "../kit/feature";
import { migrations } from "./migrations";
// in the features' order: the order the resolvers load is the order the SDL lists their fields
import { academiesFeature } from "./academies";
import { coursesFeature } from "./courses";
import { sessionsFeature } from "./sessions";
import { enrollmentFeature } from "./enrollment";
import { certificatesFeature } from "./certificates";
import { externalFeature } from "./external";

/** Academies, courses, offerings, sessions, enrollments and certificates (DOMAIN §4). */
export const academySubgraph = defineSubgraph({
  name: "academy",
  defaultPort: 4002,
  migrations,
  features: [academiesFeature, coursesFeature, sessionsFeature, enrollmentFeature, certificatesFeature, externalFeature],
});
