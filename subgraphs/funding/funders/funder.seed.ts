import { DataSource } from "typeorm";
import { Funder } from "./funder.entity";
import { FunderType } from "./funder.enums";

// DOMAIN §10.6; amounts in fen. Dates, amounts, categories and agreement numbers not in the article are [INF placeholder].
const FUNDERS: Funder[] = [
  { id: "fdr_cq_street", name: "常青街道办事处", type: FunderType.STREET_OFFICE, areaCode: "340111X01" },
  { id: "fdr_sjk_bureau", name: "蜀山经开区社会事务局", type: FunderType.FUNCTIONAL_ZONE_BUREAU, areaCode: "340104Z01" },
  { id: "fdr_bh_civil", name: "包河区民政局", type: FunderType.DISTRICT_CIVIL_AFFAIRS, areaCode: "340111" },
];

/** The funders of the demo data (DOMAIN §10.6). */
export async function seedFunders(db: DataSource): Promise<void> {
  await db.getRepository(Funder).insert(FUNDERS);
}
