import { Feature } from "../../kit/feature";
import { referenceById } from "../../kit/schema";
import { Academy } from "./academy.entity";
import { AcademyLevel } from "./academy.enums";
import { academyById } from "./academy.loaders";
import { AcademyResolver } from "./academy.resolver";
import { seedAcademies } from "./academy.seed";

export { Academy, AcademyLevel, academyById };

/** Academies at city, district and township level (DOMAIN §4). */
export const academiesFeature: Feature = {
  name: "academies",
  entities: [Academy],
  resolvers: [AcademyResolver],
  references: { Academy: referenceById("Academy", academyById) },
  seed: seedAcademies,
};
