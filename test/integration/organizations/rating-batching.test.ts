import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { AGradeRecord } from "@subgraphs/organizations/rating/a-grade-record.entity";
import { IndicatorScore } from "@subgraphs/organizations/rating/indicator-score.entity";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { RatingEvaluation } from "@subgraphs/organizations/rating/rating-evaluation.entity";
import { RatingPanelist } from "@subgraphs/organizations/rating/rating-panelist.entity";
import { SupervisionAssignment } from "@subgraphs/organizations/supervision/supervision-assignment.entity";
import { SupervisionVisit } from "@subgraphs/organizations/supervision/supervision-visit.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { AGrade, RatingStatus, StarLevel } from "@subgraphs/organizations/rating/rating.enums";
import { SupervisionVisitType } from "@subgraphs/organizations/supervision/supervision.enums";
import { expectNoGrowth } from "@test/support/statements";

let subgraph: RunningSubgraph;
const BATCH = 50;
const n = (i: number) => String(i).padStart(3, "0");

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
  const db = subgraph.db;
  const template = await db.getRepository(Organization).findOneByOrFail({ id: "org_ailin" }); // registered, so aGrade applies
  const range = Array.from({ length: BATCH }, (_, i) => n(i));
  await db.getRepository(Organization).insert(range.map((i) => ({ ...template, id: `org_bt${i}`, name: `批量评级${i}` })));
  await db.getRepository(SupervisionAssignment).insert(
    range.map((i) => ({ id: `sup_bt${i}`, organizationId: `org_bt${i}`, agencyOrgId: "org_ailin", supervisorPersonId: "per_wu_supervisor", since: "2021-01-01", until: null, cadence: null })),
  );
  await db.getRepository(SupervisionVisit).insert(
    range.flatMap((i) => ["2021-05-01", "2021-09-01"].map((date, k) => ({
      id: `svis_bt${i}_${k}`, assignmentId: `sup_bt${i}`, date, type: SupervisionVisitType.DEBRIEF, notes: "总结经验。下一步计划。", shareWithLeader: false, recordedAt: new Date(),
    }))),
  );
  const evaluation = (i: string, suffix: string, cycle: number, status: RatingStatus): RatingEvaluation => ({
    id: `rat_bt${i}_${suffix}`, organizationId: `org_bt${i}`, cycle, schemeVersion: "v2022-pilot", status,
    totalScore: status === RatingStatus.FINAL ? 81 : null, stars: status === RatingStatus.FINAL ? StarLevel.FOUR : null,
    publicNoticeFrom: null, publicNoticeTo: null, finalizedAt: null, validUntil: status === RatingStatus.FINAL ? "2022-12-31" : null, pilot: true,
  });
  await db.getRepository(RatingEvaluation).insert(range.flatMap((i) => [evaluation(i, "f", 2021, RatingStatus.FINAL), evaluation(i, "p", 2022, RatingStatus.PANEL_SCORING)]));
  await db.getRepository(IndicatorScore).insert(
    range.flatMap((i) => [["GOV", 20], ["SVC", 25]].map(([indicator, max]) => ({
      evaluationId: `rat_bt${i}_f`, indicator: indicator as string, score: 10, max: max as number, comment: null, scoredBy: "per_sjk_staff", scoredAt: new Date(),
    }))),
  );
  await db.getRepository(RatingPanelist).insert(range.map((i) => ({ evaluationId: `rat_bt${i}_p`, personId: "per_bt_panel" })));
  await db.getRepository(AGradeRecord).insert(range.map((i) => ({ id: `agr_bt${i}`, organizationId: `org_bt${i}`, grade: AGrade.A3, awardedOn: "2020-01-01", validUntil: "2025-01-01" })));
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

async function statements(first: number, claims: Partial<Claims>): Promise<number> {
  let body: { data?: any; errors?: unknown[] } = {};
  const count = await countStatements(subgraph.db, async () => {
    body = (await signedRequest(subgraph.url, LIST, { first }, claims)).body;
  });
  expect(body.errors).toBeUndefined();
  const nodes = body.data.organizations.nodes;
  expect(nodes).toHaveLength(first);
  for (const node of nodes) {
    expect(node.supervision).toHaveLength(1);
    expect(node.supervision[0].visits).toHaveLength(2);
    expect(node.currentRating).toEqual({ stars: "FOUR", cycle: 2021, validUntil: "2022-12-31" });
    expect(node.ratingHistory.map((e: { status: string }) => e.status)).toEqual(["PANEL_SCORING", "FINAL"]);
    expect(node.ratingHistory[1].indicatorScores).toHaveLength(2);
    expect(node.aGrade).toEqual({ grade: "A3", validUntil: "2025-01-01" });
  }
  return count;
}

test("supervision, currentRating, ratingHistory and aGrade on 50 organizations cost as many statements as on 5 (staff in scope)", async () => {
  const staff: Partial<Claims> = { personId: "per_bh_staff", roles: ["STREET_STAFF"], areaCodes: ["340111"] };
  const five = await statements(5, staff);
  expectNoGrowth(five, await statements(BATCH, staff));
});

test("…and for a panelist, whose in-progress check needs panels and supervisors", async () => {
  const panelist: Partial<Claims> = { personId: "per_bt_panel", roles: ["ORG_MEMBER"] };
  const five = await statements(5, panelist);
  expectNoGrowth(five, await statements(BATCH, panelist));
});
