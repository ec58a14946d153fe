import { EntityManager } from "typeorm";
import { aGradeValidUntil } from "./a-grade.rules";
import { AGradeRecord } from "./a-grade-record.entity";
import { IndicatorScore } from "./indicator-score.entity";
import { Person } from "../directory";
import { RatingEvaluation } from "./rating-evaluation.entity";
import { RatingPanelist } from "./rating-panelist.entity";
import { RatingScheme } from "./rating-scheme.entity";
import { AGrade, RatingStatus, StarLevel } from "./rating.enums";

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

/** The default rating scheme, the pilot ratings and A-grades of the demo (DOMAIN §3.8, §10.6). */
export async function seedRating(tx: EntityManager): Promise<void> {
  await tx.getRepository(Person).insert(PEOPLE);
  await tx.getRepository(RatingScheme).insert(DEFAULT_RATING_SCHEME);
  await tx.getRepository(RatingEvaluation).insert(EVALUATIONS);
  await tx.getRepository(IndicatorScore).insert(SCORES);
  await tx.getRepository(RatingPanelist).insert(PANELISTS);
  await tx.getRepository(AGradeRecord).insert(A_GRADES);
}
