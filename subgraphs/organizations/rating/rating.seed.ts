import { EntityManager } from "typeorm";
import { aGradeValidUntil } from "./a-grade.rules";
import { AGradeRecord } from "./a-grade-record.entity";
import { IndicatorScore } from "./indicator-score.entity";
import { Person } from "../directory/person.entity";
import { RatingEvaluation } from "./rating-evaluation.entity";
import { RatingPanelist } from "./rating-panelist.entity";
import { RatingScheme } from "./rating-scheme.entity";
import { SupervisionAssignment } from "../supervision/supervision-assignment.entity";
import { SupervisionVisit } from "../supervision/supervision-visit.entity";
import { AGrade, RatingStatus, StarLevel, SupervisionVisitType } from "./rating.enums";

/** §3.8 default scheme: the 4-part structure of 等级评估 scaled to 100 points. */
export const DEFAULT_RATING_SCHEME: RatingScheme = {
  version: "v2022-pilot",
  indicators: [
    { code: "GOV", name: "组织建设", max: 20 },
    { code: "OPS", name: "规范运作", max: 20 },
    { code: "SVC", name: "服务成效", max: 25 },
    { code: "PART", name: "参与社区治理", max: 15 },
    { code: "SAT", name: "居民评价", max: 15 },
    { code: "CAP", name: "能力建设", max: 5 },
  ],
  thresholds: [
    { minScore: 90, stars: StarLevel.FIVE },
    { minScore: 80, stars: StarLevel.FOUR },
    { minScore: 70, stars: StarLevel.THREE },
    { minScore: 60, stars: StarLevel.TWO },
    { minScore: 50, stars: StarLevel.ONE },
  ],
  validityMonths: 12,
};

// The street staffer who chairs the 蜀山经开区 pilot panel (pseudonymized, fake phone in the 100-0000 range).
const PEOPLE: Person[] = [
  { id: "per_sjk_staff", fullName: "孙某婷", phone: "100-0000-0901", birthYear: 1987, residentAreaCode: null, consentPublicName: false },
];

// §10.2: 吴某 of 爱邻 supervises 乐竹邻; 沈某强 of 实创 works with 加侨飞扬 (its social-worker training).
const ASSIGNMENTS: SupervisionAssignment[] = [
  { id: "sup_wu_lezhulin", organizationId: "org_lezhulin", agencyOrgId: "org_ailin", supervisorPersonId: "per_wu_supervisor", since: "2020-01-01", until: null, cadence: "MONTHLY" },
  { id: "sup_shen_jiaqiao", organizationId: "org_jiaqiao", agencyOrgId: "org_shichuang", supervisorPersonId: "per_shen_worker", since: "2021-03-01", until: null, cadence: "MONTHLY" },
];

const visit = (id: string, assignmentId: string, date: string, type: SupervisionVisitType, shareWithLeader: boolean, notes: string): SupervisionVisit => ({
  id,
  assignmentId,
  date,
  type,
  notes,
  shareWithLeader,
  recordedAt: new Date(`${date}T17:00:00+08:00`),
});

// §1.6 [A]: supervisors help leaders 设计预案、总结经验 and cultivate backbone members.
const VISITS: SupervisionVisit[] = [
  visit("svis_wu_202104", "sup_wu_lezhulin", "2021-04-08", SupervisionVisitType.BACKBONE_COACHING, true, "与副队长商定骨干轮值:每月由一名骨干牵头组织集体生日会。建议吸收小区年轻居民参与手工活动。"),
  visit("svis_wu_202106", "sup_wu_lezhulin", "2021-06-15", SupervisionVisitType.PLAN_DESIGN, false, "入户探访预案:按高龄老人风险分级安排探访频次,独居老人每周一次。探访名单由社区提供,不外传。"),
  visit("svis_wu_202112", "sup_wu_lezhulin", "2021-12-06", SupervisionVisitType.DEBRIEF, true, "年度总结:全年服务1567人次,志愿服务1629.5小时。下一年重点培养副队长,减轻对负责人的依赖。"),
  visit("svis_shen_202105", "sup_shen_jiaqiao", "2021-05-20", SupervisionVisitType.ONSITE_OBSERVATION, true, "观察夜间巡逻排班,建议统一服装并做好安全提示。"),
];

// §10.6: pilot ratings only in the 蜀山经开区 scope. The 2021 pilot cycle is final (78 → ★3, valid through 2022);
// the 2022 cycle is with the panel, so M14 (rat_2022_jiaqiao) has something to score.
const EVALUATIONS: RatingEvaluation[] = [
  {
    id: "rat_2021_jiaqiao", organizationId: "org_jiaqiao", cycle: 2021, schemeVersion: "v2022-pilot", status: RatingStatus.FINAL,
    totalScore: 78, stars: StarLevel.THREE, publicNoticeFrom: "2022-01-10", publicNoticeTo: "2022-01-17",
    finalizedAt: new Date("2022-01-18T10:00:00+08:00"), validUntil: "2022-12-31", pilot: true,
  },
  {
    id: "rat_2022_jiaqiao", organizationId: "org_jiaqiao", cycle: 2022, schemeVersion: "v2022-pilot", status: RatingStatus.PANEL_SCORING,
    totalScore: null, stars: null, publicNoticeFrom: null, publicNoticeTo: null, finalizedAt: null, validUntil: null, pilot: false,
  },
];

const score = (indicator: string, value: number, max: number): IndicatorScore => ({
  evaluationId: "rat_2021_jiaqiao", indicator, score: value, max, comment: null, scoredBy: "per_sjk_staff", scoredAt: new Date("2022-01-07T15:00:00+08:00"),
});

const SCORES: IndicatorScore[] = [score("GOV", 16, 20), score("OPS", 15, 20), score("SVC", 19, 25), score("PART", 12, 15), score("SAT", 12, 15), score("CAP", 4, 5)];

// 沈某强 sits on the 2022 panel although he supervises the team: the recusal rule refuses his scores.
const PANELISTS: RatingPanelist[] = [
  { evaluationId: "rat_2021_jiaqiao", personId: "per_sjk_staff" },
  { evaluationId: "rat_2022_jiaqiao", personId: "per_sjk_staff" },
  { evaluationId: "rat_2022_jiaqiao", personId: "per_shen_worker" },
];

// [INF placeholder] an official 4A grade for 爱邻 (a registered 民非), imported from civil affairs.
const A_GRADES: AGradeRecord[] = [
  { id: "agr_ailin_2020", organizationId: "org_ailin", grade: AGrade.A4, awardedOn: "2020-06-30", validUntil: aGradeValidUntil("2020-06-30") },
];

/** Supervision, the default rating scheme, the pilot ratings and A-grades of the demo (DOMAIN §3.6, §3.8, §10.6). */
export async function seedRating(tx: EntityManager): Promise<void> {
  await tx.getRepository(Person).insert(PEOPLE);
  await tx.getRepository(SupervisionAssignment).insert(ASSIGNMENTS);
  await tx.getRepository(SupervisionVisit).insert(VISITS);
  await tx.getRepository(RatingScheme).insert(DEFAULT_RATING_SCHEME);
  await tx.getRepository(RatingEvaluation).insert(EVALUATIONS);
  await tx.getRepository(IndicatorScore).insert(SCORES);
  await tx.getRepository(RatingPanelist).insert(PANELISTS);
  await tx.getRepository(AGradeRecord).insert(A_GRADES);
}
