import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { Academy } from "./academy.entity";
import { AcademyLevel } from "./academy.enums";
import { AcademyResolver } from "./academy.resolver";
import { academyLine } from "./academy.service";
import { seedAcademies } from "./academy.seed";

export { Academy, academyLine, AcademyLevel };

/** Academies at city, district and township level (DOMAIN §4). */
export const academiesFeature: Feature = {
  name: "academies",
  entities: [Academy],
  resolvers: [AcademyResolver],
  references: { Academy: referenceById("Academy", (ctx) => rowLoader(ctx, Academy)) },
  seed: seedAcademies,
};
