import { DataSource } from "typeorm";
import { Grant } from "./grant.entity";
import { GrantStatus } from "./grant.enums";

// DOMAIN §10.6; amounts in fen. Dates, amounts, categories and agreement numbers not in the article are [INF placeholder].
const GRANTS: Grant[] = [
  { id: "grant_cq2020_6080", applicationId: "app_cq2020_6080", organizationId: "org_lezhulin", programId: "prog_cq_micro", agreementNo: "CQWCT-2020-011", signedOn: "2019-12-26", awardedFen: 2_000_000, disbursedFen: 2_000_000, periodFrom: "2020-01-01", periodTo: "2020-12-31", status: GrantStatus.CLOSED },
  // T1 50% + T2 30% paid, T3 20% planned (DOMAIN §10.6)
  { id: "grant_cq2021_6080", applicationId: "app_cq2021_6080", organizationId: "org_lezhulin", programId: "prog_cq_micro", agreementNo: "CQWCT-2021-018", signedOn: "2020-12-28", awardedFen: 2_000_000, disbursedFen: 1_600_000, periodFrom: "2021-01-01", periodTo: "2021-12-31", status: GrantStatus.IN_PROGRESS },
  { id: "grant_sjk_qinlin_jq", applicationId: "app_sjk_qinlin_jq", organizationId: "org_jiaqiao", programId: "prog_sjk_qinlin", agreementNo: "SJK-QLXD-2021-004", signedOn: "2021-05-10", awardedFen: 1_000_000, disbursedFen: 500_000, periodFrom: "2021-06-01", periodTo: "2022-05-31", status: GrantStatus.IN_PROGRESS },
];

/** The grants of the demo data (DOMAIN §10.6). */
export async function seedGrants(db: DataSource): Promise<void> {
  await db.getRepository(Grant).insert(GRANTS);
}
