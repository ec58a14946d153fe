import { DataSource } from "typeorm";
import { Academy } from "./academy.entity";
import { AcademyLevel } from "./academy.enums";

// DOMAIN §10.5. Area codes match the organizations seed (§10.1); no academy operator is in that seed yet.
const ACADEMIES: Academy[] = [
  { id: "acad_hf", name: "合肥社区治理学院", level: AcademyLevel.CITY, areaCode: "340100", parentId: null, operatorOrgId: null },
  { id: "acad_bh", name: "包河区社区治理学院", level: AcademyLevel.DISTRICT, areaCode: "340111", parentId: "acad_hf", operatorOrgId: null },
  { id: "acad_cq", name: "常青街道社区治理学校", level: AcademyLevel.TOWNSHIP, areaCode: "340111X01", parentId: "acad_bh", operatorOrgId: null },
];

/** The academies of the demo data (DOMAIN §10.5). */
export async function seedAcademies(db: DataSource): Promise<void> {
  await db.getRepository(Academy).insert(ACADEMIES);
}
