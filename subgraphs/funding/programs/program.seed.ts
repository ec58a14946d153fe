import { DataSource } from "typeorm";
import { tranchePlanProblems } from "./tranche-plan.rules";
import { Application } from "../applications/application.entity";
import { Call } from "../calls/call.entity";
import { Funder } from "../funders/funder.entity";
import { FundingProgram } from "./funding-program.entity";
import { Grant } from "../grants/grant.entity";
import { ApplicantTrack, ApplicationStatus, CallStatus, FunderType, GrantStatus, ProgramType, TrancheCondition } from "../applications/application.enums";
import { TrancheRule } from "./tranche-rule.type";

const at = (iso: string) => new Date(iso);
const plan = (...rules: [percent: number, condition: TrancheCondition][]): TrancheRule[] =>
  rules.map(([percent, condition], i) => ({ seq: i + 1, percent, condition }));

// DOMAIN §10.6; amounts in fen. Dates, amounts, categories and agreement numbers not in the article are [INF placeholder].
const FUNDERS: Funder[] = [
  { id: "fdr_cq_street", name: "常青街道办事处", type: FunderType.STREET_OFFICE, areaCode: "340111X01" },
  { id: "fdr_sjk_bureau", name: "蜀山经开区社会事务局", type: FunderType.FUNCTIONAL_ZONE_BUREAU, areaCode: "340104Z01" },
  { id: "fdr_bh_civil", name: "包河区民政局", type: FunderType.DISTRICT_CIVIL_AFFAIRS, areaCode: "340111" },
];

const MICRO_VENTURE_PLAN = plan([50, TrancheCondition.ON_SIGNING], [30, TrancheCondition.ON_MIDTERM_PASS], [20, TrancheCondition.ON_FINAL_PASS]);

const PROGRAMS: FundingProgram[] = [
  { id: "prog_cq_micro", funderId: "fdr_cq_street", name: "常青街道社区微创投", type: ProgramType.MICRO_VENTURE, categories: ["为老服务", "邻里互助", "文体娱乐", "志愿服务"], maxAwardFen: 2_000_000, cycleMonths: 12, tranchePlan: MICRO_VENTURE_PLAN },
  { id: "prog_sjk_qinlin", funderId: "fdr_sjk_bureau", name: "\"亲邻行动\" 微公益创投", type: ProgramType.MICRO_VENTURE, categories: ["邻里互助", "平安建设", "环境美化"], maxAwardFen: 1_000_000, cycleMonths: 12, tranchePlan: MICRO_VENTURE_PLAN },
  { id: "prog_sjk_nihao", funderId: "fdr_sjk_bureau", name: "\"你好,邻里\" 微公益创投", type: ProgramType.MICRO_VENTURE, categories: ["居民需求菜单"], maxAwardFen: 1_000_000, cycleMonths: 12, tranchePlan: MICRO_VENTURE_PLAN },
  { id: "prog_bh_venture", funderId: "fdr_bh_civil", name: "包河区公益创投", type: ProgramType.VENTURE_PHILANTHROPY, categories: ["社会治理", "社区营造", "专业服务", "志愿服务", "福利慈善"], maxAwardFen: null, cycleMonths: 12, tranchePlan: plan([100, TrancheCondition.ON_FINAL_PASS]) },
  { id: "prog_cq_purchase", funderId: "fdr_cq_street", name: "常青街道社工服务购买", type: ProgramType.GOV_PURCHASE, categories: ["专业社工服务"], maxAwardFen: null, cycleMonths: 12, tranchePlan: plan([50, TrancheCondition.ON_SIGNING], [50, TrancheCondition.ON_FINAL_PASS]) },
];

const BOTH_TRACKS = [ApplicantTrack.REGISTERED_ORG, ApplicantTrack.FILED_TEAM];

const CALLS: Call[] = [
  { id: "call_cq_2020", programId: "prog_cq_micro", title: "2020年常青街道社区微创投项目征集", round: null, opensAt: at("2019-11-01T09:00:00+08:00"), closesAt: at("2019-11-30T17:00:00+08:00"), budgetFen: 20_000_000, tracks: BOTH_TRACKS, status: CallStatus.DECIDED },
  { id: "call_cq_2021", programId: "prog_cq_micro", title: "2021年常青街道社区微创投项目征集", round: null, opensAt: at("2020-11-01T09:00:00+08:00"), closesAt: at("2020-11-30T17:00:00+08:00"), budgetFen: 20_000_000, tracks: BOTH_TRACKS, status: CallStatus.DECIDED },
  { id: "call_cq_2022", programId: "prog_cq_micro", title: "2022年常青街道社区微创投项目征集", round: null, opensAt: at("2022-03-01T09:00:00+08:00"), closesAt: at("2022-03-31T17:00:00+08:00"), budgetFen: 20_000_000, tracks: BOTH_TRACKS, status: CallStatus.OPEN },
  { id: "call_sjk_qinlin_2021", programId: "prog_sjk_qinlin", title: "2021年\"亲邻行动\"微公益创投项目征集", round: null, opensAt: at("2021-03-15T09:00:00+08:00"), closesAt: at("2021-04-15T17:00:00+08:00"), budgetFen: 5_000_000, tracks: BOTH_TRACKS, status: CallStatus.DECIDED },
  { id: "call_sjk_nihao_2022", programId: "prog_sjk_nihao", title: "第三届\"你好,邻里\"微公益创投项目征集", round: "第三届", opensAt: at("2022-03-01T09:00:00+08:00"), closesAt: at("2022-04-30T17:00:00+08:00"), budgetFen: 10_000_000, tracks: BOTH_TRACKS, status: CallStatus.OPEN },
];

const SIXTY_FOR_EIGHTY = "低龄老人服务高龄老人: 为竹西社区80岁以上老人举办集体生日会、手工兴趣活动和一对一入户探访。";

const APPLICATIONS: Application[] = [
  { id: "app_cq2020_6080", callId: "call_cq_2020", track: ApplicantTrack.FILED_TEAM, applicantOrgId: "org_lezhulin", projectTitle: "六零系八零", category: "为老服务", summary: SIXTY_FOR_EIGHTY, targetAreaCode: "340111X01C01", plannedOutputs: { serviceEvents: 60, beneficiaryVisits: 1000, volunteerMinutes: 60_000 }, requestedFen: 2_000_000, applicantStarsAtSubmission: null, status: ApplicationStatus.AWARDED, submittedAt: at("2019-11-20T10:00:00+08:00"), previousGrantId: null },
  { id: "app_cq2021_6080", callId: "call_cq_2021", track: ApplicantTrack.FILED_TEAM, applicantOrgId: "org_lezhulin", projectTitle: "六零系八零", category: "为老服务", summary: SIXTY_FOR_EIGHTY, targetAreaCode: "340111X01C01", plannedOutputs: { serviceEvents: 80, beneficiaryVisits: 1500, volunteerMinutes: 90_000 }, requestedFen: 2_000_000, applicantStarsAtSubmission: null, status: ApplicationStatus.AWARDED, submittedAt: at("2020-11-18T10:00:00+08:00"), previousGrantId: "grant_cq2020_6080" },
  { id: "app_cq2022_6080", callId: "call_cq_2022", track: ApplicantTrack.FILED_TEAM, applicantOrgId: "org_lezhulin", projectTitle: "六零系八零", category: "为老服务", summary: SIXTY_FOR_EIGHTY, targetAreaCode: "340111X01C01", plannedOutputs: { serviceEvents: 86, beneficiaryVisits: 1600, volunteerMinutes: 98_000 }, requestedFen: 2_000_000, applicantStarsAtSubmission: null, status: ApplicationStatus.SUBMITTED, submittedAt: at("2022-03-10T10:00:00+08:00"), previousGrantId: "grant_cq2021_6080" },
  { id: "app_sjk_qinlin_jq", callId: "call_sjk_qinlin_2021", track: ApplicantTrack.FILED_TEAM, applicantOrgId: "org_jiaqiao", projectTitle: "加侨悦山邻里守望", category: "邻里互助", summary: "小区志愿巡逻、环境清洁、邻里调解和义务理发。", targetAreaCode: "340104Z01C01P01", plannedOutputs: { serviceEvents: 48, beneficiaryVisits: 1200, volunteerMinutes: 30_000 }, requestedFen: 1_000_000, applicantStarsAtSubmission: null, status: ApplicationStatus.AWARDED, submittedAt: at("2021-04-02T10:00:00+08:00"), previousGrantId: null },
];

const GRANTS: Grant[] = [
  { id: "grant_cq2020_6080", applicationId: "app_cq2020_6080", organizationId: "org_lezhulin", programId: "prog_cq_micro", agreementNo: "CQWCT-2020-011", signedOn: "2019-12-26", awardedFen: 2_000_000, disbursedFen: 2_000_000, periodFrom: "2020-01-01", periodTo: "2020-12-31", status: GrantStatus.CLOSED },
  // T1 50% + T2 30% paid, T3 20% planned (DOMAIN §10.6)
  { id: "grant_cq2021_6080", applicationId: "app_cq2021_6080", organizationId: "org_lezhulin", programId: "prog_cq_micro", agreementNo: "CQWCT-2021-018", signedOn: "2020-12-28", awardedFen: 2_000_000, disbursedFen: 1_600_000, periodFrom: "2021-01-01", periodTo: "2021-12-31", status: GrantStatus.IN_PROGRESS },
  { id: "grant_sjk_qinlin_jq", applicationId: "app_sjk_qinlin_jq", organizationId: "org_jiaqiao", programId: "prog_sjk_qinlin", agreementNo: "SJK-QLXD-2021-004", signedOn: "2021-05-10", awardedFen: 1_000_000, disbursedFen: 500_000, periodFrom: "2021-06-01", periodTo: "2022-05-31", status: GrantStatus.IN_PROGRESS },
];

/** Loads the funding part of the demo data (DOMAIN §10.6) once, into an empty store. */
export async function seedFunding(db: DataSource): Promise<void> {
  if ((await db.getRepository(Funder).count()) > 0) return;
  for (const program of PROGRAMS) {
    const problems = tranchePlanProblems(program.tranchePlan);
    if (problems.length) throw new Error(`Seed programme ${program.id} has a bad tranche plan: ${problems.join(" ")}`);
  }
  await db.transaction(async (tx) => {
    await tx.getRepository(Funder).insert(FUNDERS);
    await tx.getRepository(FundingProgram).insert(PROGRAMS);
    await tx.getRepository(Call).insert(CALLS);
    await tx.getRepository(Application).insert(APPLICATIONS);
    await tx.getRepository(Grant).insert(GRANTS);
  });
}
