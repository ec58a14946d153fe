import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { startTestSubgraph } from "@kit/testing";
import { AGradeRecord } from "@subgraphs/organizations/rating/a-grade-record.entity";
import { IndicatorScore } from "@subgraphs/organizations/rating/indicator-score.entity";
import { LegalForm } from "@subgraphs/organizations/directory/directory.enums";
import { RatingEvaluation } from "@subgraphs/organizations/rating/rating-evaluation.entity";
import { RatingPanelist } from "@subgraphs/organizations/rating/rating-panelist.entity";
import { SupervisionVisit } from "@subgraphs/organizations/supervision/supervision-visit.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { AGrade, RatingStatus, StarLevel } from "@subgraphs/organizations/rating/rating.enums";
import { SupervisionVisitType } from "@subgraphs/organizations/supervision/supervision.enums";
import { expectNoGrowth } from "@test/support/statements";
import { TEST_DISTRICT, addOrganization, addRatingScheme, addStreet, addSupervision, countedRequest, streetStaffOf } from "./fixtures";

let subgraph: RunningSubgraph;
const BATCH = 50;
const n = (i: number) => String(i).padStart(3, "0");

const PANELIST = "per_t_bt_panel";

// 50 registered agencies (so aGrade applies) of one test street, each supervised with two visits, a FINAL 2021 rating
// with two indicator scores, a 2022 rating in panel scoring with one panelist, and an A-grade
beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph);
  const db = subgraph.db;
  const { community } = await addStreet(db, "BT");
  const schemeVersion = await addRatingScheme(db);
  const agency = await addOrganization(db, "bt_agency", { legalForm: LegalForm.SOCIAL_SERVICE_AGENCY, homeAreaCode: community, members: 1 });
  const range = Array.from({ length: BATCH }, (_, i) => n(i));
  for (const i of range) {
    await addOrganization(db, `bt${i}`, { name: `批量评级${i}`, legalForm: LegalForm.SOCIAL_SERVICE_AGENCY, homeAreaCode: community, members: 0 });
    await addSupervision(db, `bt${i}`, { organizationId: `org_t_bt${i}`, agencyOrgId: agency.orgId, supervisorPersonId: agency.leaderId, since: "2021-01-01" });
  }
  await db.getRepository(SupervisionVisit).insert(
    range.flatMap((i) => ["2021-05-01", "2021-09-01"].map((date, k) => ({
      id: `svis_t_bt${i}_${k}`, assignmentId: `sup_t_bt${i}`, date, type: SupervisionVisitType.DEBRIEF, notes: "总结经验。下一步计划。", shareWithLeader: false, recordedAt: new Date(),
    }))),
  );
  const evaluation = (i: string, suffix: string, cycle: number, status: RatingStatus): RatingEvaluation => ({
    id: `rat_t_bt${i}_${suffix}`, organizationId: `org_t_bt${i}`, cycle, schemeVersion, status,
    totalScore: status === RatingStatus.FINAL ? 81 : null, stars: status === RatingStatus.FINAL ? StarLevel.FOUR : null,
    publicNoticeFrom: null, publicNoticeTo: null, finalizedAt: null, validUntil: status === RatingStatus.FINAL ? "2022-12-31" : null, pilot: true,
  });
  await db.getRepository(RatingEvaluation).insert(range.flatMap((i) => [evaluation(i, "f", 2021, RatingStatus.FINAL), evaluation(i, "p", 2022, RatingStatus.PANEL_SCORING)]));
  await db.getRepository(IndicatorScore).insert(
    range.flatMap((i) => [["GOV", 20], ["SVC", 25]].map(([indicator, max]) => ({
      evaluationId: `rat_t_bt${i}_f`, indicator: indicator as string, score: 10, max: max as number, comment: null, scoredBy: "per_t_street", scoredAt: new Date(),
    }))),
  );
  await db.getRepository(RatingPanelist).insert(range.map((i) => ({ evaluationId: `rat_t_bt${i}_p`, personId: PANELIST })));
  await db.getRepository(AGradeRecord).insert(range.map((i) => ({ id: `agr_t_bt${i}`, organizationId: `org_t_bt${i}`, grade: AGrade.A3, awardedOn: "2020-01-01", validUntil: "2025-01-01" })));
});
afterAll(async () => {
  pinClock(null);
  await subgraph?.stop();
});

const LIST = `query($first: Int!) {
  organizations(filter: { search: "批量评级" }, first: $first) {
    nodes {
      id
      supervision { agency { name } supervisor { displayName } organization { id } visits(last: 3) { date type notes } }
      currentRating { stars cycle validUntil }
      ratingHistory { id status indicatorScores { indicator score max } result { stars } organization { id } }
      aGrade { grade validUntil }
    }
  }
}`;

async function statements(first: number, claims: Partial<Claims>, seesSupervision = true): Promise<number> {
  const { count, data } = await countedRequest(subgraph, LIST, { first }, claims);
  const nodes = data.organizations.nodes;
  expect(nodes).toHaveLength(first);
  for (const node of nodes) {
    expect(node.supervision).toHaveLength(seesSupervision ? 1 : 0);
    if (seesSupervision) expect(node.supervision[0].visits).toHaveLength(2);
    expect(node.currentRating).toEqual({ stars: "FOUR", cycle: 2021, validUntil: "2022-12-31" });
    expect(node.ratingHistory.map((e: { status: string }) => e.status)).toEqual(["PANEL_SCORING", "FINAL"]);
    expect(node.ratingHistory[1].indicatorScores).toHaveLength(2);
    expect(node.aGrade).toEqual({ grade: "A3", validUntil: "2025-01-01" });
  }
  return count;
}

test("supervision, currentRating, ratingHistory and aGrade on 50 organizations cost as many statements as on 5 (staff in scope)", async () => {
  const staff = streetStaffOf(TEST_DISTRICT); // the district above the street: every organization in scope
  const five = await statements(5, staff);
  expectNoGrowth(five, await statements(BATCH, staff));
});

test("…and for a panelist, whose in-progress check needs panels and supervisors", async () => {
  // a member of no organization: sits on the panels, but supervision is not theirs to see (§9.2; it used to be)
  const panelist: Partial<Claims> = { personId: PANELIST, roles: ["ORG_MEMBER"] };
  const five = await statements(5, panelist, false);
  expectNoGrowth(five, await statements(BATCH, panelist, false));
});
