import { DataSource } from "typeorm";
import { ApplicantTrack } from "../calls";
import { Application } from "./application.entity";
import { ApplicationStatus } from "./application.enums";

const at = (iso: string) => new Date(iso);

const SIXTY_FOR_EIGHTY = "低龄老人服务高龄老人: 为竹西社区80岁以上老人举办集体生日会、手工兴趣活动和一对一入户探访。";

// DOMAIN §10.6; amounts in fen. Dates, amounts, categories and agreement numbers not in the article are [INF placeholder].
const APPLICATIONS: Application[] = [
  { id: "app_cq2020_6080", callId: "call_cq_2020", track: ApplicantTrack.FILED_TEAM, applicantOrgId: "org_lezhulin", projectTitle: "六零系八零", category: "为老服务", summary: SIXTY_FOR_EIGHTY, targetAreaCode: "340111X01C01", plannedOutputs: { serviceEvents: 60, beneficiaryVisits: 1000, volunteerMinutes: 60_000 }, requestedFen: 2_000_000, applicantStarsAtSubmission: null, status: ApplicationStatus.AWARDED, submittedAt: at("2019-11-20T10:00:00+08:00"), previousGrantId: null },
  { id: "app_cq2021_6080", callId: "call_cq_2021", track: ApplicantTrack.FILED_TEAM, applicantOrgId: "org_lezhulin", projectTitle: "六零系八零", category: "为老服务", summary: SIXTY_FOR_EIGHTY, targetAreaCode: "340111X01C01", plannedOutputs: { serviceEvents: 80, beneficiaryVisits: 1500, volunteerMinutes: 90_000 }, requestedFen: 2_000_000, applicantStarsAtSubmission: null, status: ApplicationStatus.AWARDED, submittedAt: at("2020-11-18T10:00:00+08:00"), previousGrantId: "grant_cq2020_6080" },
  { id: "app_cq2022_6080", callId: "call_cq_2022", track: ApplicantTrack.FILED_TEAM, applicantOrgId: "org_lezhulin", projectTitle: "六零系八零", category: "为老服务", summary: SIXTY_FOR_EIGHTY, targetAreaCode: "340111X01C01", plannedOutputs: { serviceEvents: 86, beneficiaryVisits: 1600, volunteerMinutes: 98_000 }, requestedFen: 2_000_000, applicantStarsAtSubmission: null, status: ApplicationStatus.SUBMITTED, submittedAt: at("2022-03-10T10:00:00+08:00"), previousGrantId: "grant_cq2021_6080" },
  { id: "app_sjk_qinlin_jq", callId: "call_sjk_qinlin_2021", track: ApplicantTrack.FILED_TEAM, applicantOrgId: "org_jiaqiao", projectTitle: "加侨悦山邻里守望", category: "邻里互助", summary: "小区志愿巡逻、环境清洁、邻里调解和义务理发。", targetAreaCode: "340104Z01C01P01", plannedOutputs: { serviceEvents: 48, beneficiaryVisits: 1200, volunteerMinutes: 30_000 }, requestedFen: 1_000_000, applicantStarsAtSubmission: null, status: ApplicationStatus.AWARDED, submittedAt: at("2021-04-02T10:00:00+08:00"), previousGrantId: null },
];

/** The applications of the demo data (DOMAIN §10.6). */
export async function seedApplications(db: DataSource): Promise<void> {
  await db.getRepository(Application).insert(APPLICATIONS);
}
