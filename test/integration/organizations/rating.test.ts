import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { AGradeRecord } from "@subgraphs/organizations/rating/a-grade-record.entity";
import { IndicatorScore } from "@subgraphs/organizations/rating/indicator-score.entity";
import { Membership } from "@subgraphs/organizations/directory/membership.entity";
import { RatingEvaluation } from "@subgraphs/organizations/rating/rating-evaluation.entity";
import { RatingEvent } from "@subgraphs/organizations/rating/rating-event.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { AreaLevel, LegalForm, MemberRole } from "@subgraphs/organizations/directory/directory.enums";
import { AGrade, RatingStatus, StarLevel } from "@subgraphs/organizations/rating/rating.enums";
import {
  ANONYMOUS, DEMO_NOW, PARTNER, TEST_CITY, TEST_DISTRICT, addAGrade, addArea, addOrganization, addPerson, addRatingEvaluation, addStreet, addSupervision, federationAdmin, leaderOf,
  streetStaffOf, supervisorOf,
} from "./fixtures";

let subgraph: RunningSubgraph;
const DEMO_TODAY = DEMO_NOW;

beforeAll(async () => {
  pinClock(DEMO_TODAY); // the demo's today (DOMAIN §10)
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  pinClock(null);
  await subgraph?.stop();
});

// A rated team 评级测试队 on a test street, supervised by a worker of an agency (which holds a 4A from civil affairs):
// its 2021 pilot result is FINAL (78 → ★3), its 2022 evaluation is in PANEL_SCORING with the street's clerk (the panel
// chair) and the supervisor on the panel. A team on another street, a filed team, a district with no evaluations.
// The demo's M14 scenario (加侨飞扬's 2022 evaluation) is checked on its own below.
const CHAIR_ID = "per_t_chair";
let HOME: { street: string; community: string };
let TEAM: string, AGENCY: string, FILED: string, RATED_2021: string, RATED_2022: string, SUPERVISOR_ID: string, OTHER_DISTRICT: string;
let CHAIR: Partial<Claims>, SUPERVISOR: Partial<Claims>, TEAM_LEADER: Partial<Claims>, OTHER_LEADER: Partial<Claims>, OTHER_STREET: Partial<Claims>;
const FA = federationAdmin();
const OTHER_SUPERVISOR_ID = "per_t_other_supervisor";
beforeAll(async () => {
  const db = subgraph.db;
  HOME = await addStreet(db, "RATE");
  const other = await addStreet(db, "OTHER");
  OTHER_DISTRICT = await addArea(db, "990200", { level: AreaLevel.DISTRICT, parentCode: TEST_CITY });
  const team = await addOrganization(db, "rated", { name: "评级测试队", homeAreaCode: HOME.community });
  const agency = await addOrganization(db, "agency", { legalForm: LegalForm.SOCIAL_SERVICE_AGENCY, homeAreaCode: HOME.street, members: 2 });
  const otherTeam = await addOrganization(db, "other", { homeAreaCode: other.community });
  FILED = (await addOrganization(db, "filed", { legalForm: LegalForm.FILED, homeAreaCode: HOME.community })).orgId;
  [TEAM, AGENCY, SUPERVISOR_ID] = [team.orgId, agency.orgId, agency.memberIds[1]];
  await addSupervision(db, "rated", { organizationId: TEAM, agencyOrgId: AGENCY, supervisorPersonId: SUPERVISOR_ID, since: "2021-03-01" });
  await addAGrade(db, "agency", AGENCY, AGrade.A4, "2020-06-30");
  await addPerson(db, "chair", { fullName: "孙某婷" });
  RATED_2021 = await addRatingEvaluation(db, "rated_2021", TEAM, {
    cycle: 2021, status: RatingStatus.FINAL, totalScore: 78, stars: StarLevel.THREE, publicNoticeFrom: "2022-01-10", publicNoticeTo: "2022-01-17",
    finalizedAt: new Date("2022-01-18T10:00:00+08:00"), validUntil: "2022-12-31", pilot: true,
    panelists: [CHAIR_ID], scores: { GOV: 16, OPS: 15, SVC: 19, PART: 12, SAT: 12, CAP: 4 },
  });
  RATED_2022 = await addRatingEvaluation(db, "rated_2022", TEAM, { cycle: 2022, status: RatingStatus.PANEL_SCORING, panelists: [CHAIR_ID, SUPERVISOR_ID] });
  CHAIR = streetStaffOf(HOME.street, CHAIR_ID);
  SUPERVISOR = supervisorOf([AGENCY, TEAM], SUPERVISOR_ID);
  TEAM_LEADER = leaderOf(TEAM, team.leaderId);
  OTHER_LEADER = leaderOf(otherTeam.orgId, otherTeam.leaderId);
  OTHER_STREET = streetStaffOf(other.street, "per_t_other_clerk");
});

const M14 = `mutation PanelScore($evaluationId: ID!, $scores: [IndicatorScoreInput!]!) {
  submitRatingScores(evaluationId: $evaluationId, scores: $scores) { id status totalScore stars }
  transitionRating(evaluationId: $evaluationId, action: PUBLISH_NOTICE, comment: "公示7天") { id status publicNoticeFrom publicNoticeTo }
}`;
const M14_SCORES = [
  { indicator: "GOV", score: 14 }, { indicator: "OPS", score: 15 }, { indicator: "SVC", score: 20 },
  { indicator: "PART", score: 13 }, { indicator: "SAT", score: 13 }, { indicator: "CAP", score: 1 },
];
const SUBMIT = `mutation($id: ID!, $scores: [IndicatorScoreInput!]!) { submitRatingScores(evaluationId: $id, scores: $scores) { id status totalScore stars indicatorScores { indicator score max comment } } }`;
const TRANSITION = `mutation($id: ID!, $action: RatingAction!, $comment: String) {
  transitionRating(evaluationId: $id, action: $action, comment: $comment) { id status totalScore stars publicNoticeFrom publicNoticeTo result { stars totalScore cycle validUntil pilot } }
}`;

async function run(query: string, variables: Record<string, unknown>, claims: Partial<Claims>) {
  return (await signedRequest(subgraph.url, query, variables, claims)).body;
}

/** A team of its own on the test street (its leader `per_t_rt_<name>_1`) with one evaluation of cycle 2023. */
async function fixture(name: string, status: RatingStatus, options: { panelists?: string[]; scores?: Record<string, number>; publicNoticeTo?: string; supervisor?: string } = {}) {
  const db = subgraph.db;
  const org = await addOrganization(db, `rt_${name}`, { name: `评级测试${name}`, homeAreaCode: HOME.community, members: 1, joinedOn: "2020-02-01" });
  const evaluationId = await addRatingEvaluation(db, `rt_${name}`, org.orgId, {
    cycle: 2023, status, panelists: options.panelists, scores: options.scores,
    publicNoticeFrom: options.publicNoticeTo ? "2022-03-01" : null, publicNoticeTo: options.publicNoticeTo ?? null,
  });
  if (options.supervisor) await addSupervision(db, `rt_${name}`, { organizationId: org.orgId, agencyOrgId: AGENCY, supervisorPersonId: options.supervisor, since: "2021-01-01" });
  return { orgId: org.orgId, leaderId: org.leaderId, evaluationId };
}

const ALL_SCORED = { GOV: 18, OPS: 16, SVC: 22, PART: 12, SAT: 13, CAP: 4 }; // 85 → FOUR

const stored = (id: string) => subgraph.db.getRepository(RatingEvaluation).findOneByOrFail({ id });
const scoreCount = (evaluationId: string) => subgraph.db.getRepository(IndicatorScore).countBy({ evaluationId });

describe("reads", () => {
  const RATINGS = `query($id: ID!) { organization(id: $id) {
    currentRating { stars totalScore cycle validUntil pilot }
    ratingHistory { id cycle schemeVersion status totalScore stars publicNoticeFrom publicNoticeTo indicatorScores { indicator score max } result { stars cycle validUntil pilot } organization { id } }
    aGrade { grade awardedOn validUntil }
  } }`;

  test("a final pilot result is public; the evaluation in progress is not", async () => {
    const anonymous = (await run(RATINGS, { id: TEAM }, ANONYMOUS)).data.organization;
    expect(anonymous.currentRating).toEqual({ stars: "THREE", totalScore: 78, cycle: 2021, validUntil: "2022-12-31", pilot: true });
    expect(anonymous.ratingHistory).toHaveLength(1);
    expect(anonymous.ratingHistory[0]).toMatchObject({
      id: RATED_2021, status: "FINAL", schemeVersion: "v2022-pilot", totalScore: 78, stars: "THREE", organization: { id: TEAM },
      result: { stars: "THREE", cycle: 2021, validUntil: "2022-12-31", pilot: true },
    });
    expect(anonymous.ratingHistory[0].indicatorScores.map((s: { indicator: string }) => s.indicator)).toEqual(["GOV", "OPS", "SVC", "PART", "SAT", "CAP"]);
    expect(anonymous.aGrade).toBeNull();
  });

  test("admins, staff in scope, panelists, the leader and the supervisor also see the evaluation in progress", async () => {
    for (const claims of [FA, CHAIR, SUPERVISOR, TEAM_LEADER, { personId: CHAIR_ID }]) {
      const history = (await run(RATINGS, { id: TEAM }, claims)).data.organization.ratingHistory;
      expect(history.map((e: { id: string }) => e.id)).toEqual([RATED_2022, RATED_2021]);
      expect(history[0]).toMatchObject({ status: "PANEL_SCORING", totalScore: null, stars: null, result: null, indicatorScores: [] });
    }
    for (const claims of [OTHER_STREET, OTHER_LEADER, PARTNER]) {
      const history = (await run(RATINGS, { id: TEAM }, claims)).data.organization.ratingHistory;
      expect(history.map((e: { id: string }) => e.id)).toEqual([RATED_2021]);
    }
  });

  test("A-grades: an agency's 4A from civil affairs; never for filed organizations even with a record", async () => {
    expect((await run(RATINGS, { id: AGENCY }, ANONYMOUS)).data.organization).toMatchObject({
      aGrade: { grade: "A4", awardedOn: "2020-06-30", validUntil: "2025-06-30" },
      currentRating: null,
      ratingHistory: [],
    });
    await subgraph.db.getRepository(AGradeRecord).insert({ id: "agr_t_filed", organizationId: FILED, grade: AGrade.A3, awardedOn: "2021-01-01", validUntil: "2026-01-01" });
    expect((await run(RATINGS, { id: FILED }, FA)).data.organization.aGrade).toBeNull();
  });

  const EVALUATIONS = `query($cycle: Int!, $area: ID!, $status: [RatingStatus!]) { ratingEvaluations(cycle: $cycle, areaCode: $area, status: $status) { id status organization { id } } }`;

  test("ratingEvaluations lists a cycle in an area's subtree with the same read rule", async () => {
    const ids = async (variables: Record<string, unknown>, claims: Partial<Claims>) =>
      (await run(EVALUATIONS, variables, claims)).data.ratingEvaluations.map((e: { id: string }) => e.id);
    expect(await ids({ cycle: 2022, area: HOME.street }, CHAIR)).toEqual([RATED_2022]);
    expect(await ids({ cycle: 2022, area: TEST_DISTRICT }, FA)).toEqual([RATED_2022]);
    expect(await ids({ cycle: 2022, area: HOME.street }, ANONYMOUS)).toEqual([]);
    expect(await ids({ cycle: 2021, area: HOME.street }, ANONYMOUS)).toEqual([RATED_2021]);
    expect(await ids({ cycle: 2021, area: HOME.street, status: ["PANEL_SCORING"] }, FA)).toEqual([]);
    expect(await ids({ cycle: 2022, area: OTHER_DISTRICT }, FA)).toEqual([]);
  });

  test("ratingEvaluations refuses a malformed or unknown area and an implausible cycle", async () => {
    for (const variables of [{ cycle: 2022, area: "蜀山" }, { cycle: 2022, area: "999999" }, { cycle: 22, area: TEST_DISTRICT }]) {
      const body = await run(EVALUATIONS, variables, FA);
      expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("submitRatingScores", () => {
  test("a panelist who supervises the organization must recuse (FORBIDDEN), and nothing is written", async () => {
    const body = await run(SUBMIT, { id: RATED_2022, scores: M14_SCORES }, SUPERVISOR);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "SUPERVISES_ORGANIZATION" });
    expect(body.errors?.[0].message).toMatch(/recuse yourself.*you supervise 评级测试队/);
    expect(await scoreCount(RATED_2022)).toBe(0);
  });

  test("a panelist who left the organization less than two years ago must recuse", async () => {
    const exMember = await addPerson(subgraph.db, "exmember", { fullName: "赵某", birthYear: 1970 });
    const { orgId, evaluationId } = await fixture("exmember", RatingStatus.PANEL_SCORING, { panelists: [exMember] });
    await subgraph.db.getRepository(Membership).insert({ id: "mem_t_former", organizationId: orgId, personId: exMember, role: MemberRole.MEMBER, joinedOn: "2020-02-01", leftOn: "2021-06-30" });
    const body = await run(SUBMIT, { id: evaluationId, scores: [{ indicator: "GOV", score: 10 }] }, { personId: exMember, roles: ["COMMUNITY_STAFF"] });
    expect(body.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "FORMER_MEMBER_WITHIN_2_YEARS" });
    expect(await scoreCount(evaluationId)).toBe(0);
  });

  test("someone who is not on the panel is FORBIDDEN, whatever their role", async () => {
    for (const claims of [TEAM_LEADER, FA, ANONYMOUS]) {
      const body = await run(SUBMIT, { id: RATED_2022, scores: M14_SCORES }, claims);
      expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(body.errors?.[0].message).toMatch(/Only a panelist/);
    }
    expect(await scoreCount(RATED_2022)).toBe(0);
  });

  test("a score above the indicator's maximum or an unknown indicator is BAD_USER_INPUT, and no score of the call is kept", async () => {
    const tooHigh = await run(SUBMIT, { id: RATED_2022, scores: [{ indicator: "GOV", score: 14 }, { indicator: "SVC", score: 26 }] }, CHAIR);
    expect(tooHigh.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "scores[1].score", indicator: "SVC", max: 25 });
    const unknown = await run(SUBMIT, { id: RATED_2022, scores: [{ indicator: "FUN", score: 1 }] }, CHAIR);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "scores[0].indicator" });
    expect(await scoreCount(RATED_2022)).toBe(0);
    expect((await stored(RATED_2022)).totalScore).toBeNull();
  });

  test("scores outside PANEL_SCORING are a CONFLICT naming the state", async () => {
    const { evaluationId } = await fixture("notice", RatingStatus.PUBLIC_NOTICE, { panelists: [CHAIR_ID], publicNoticeTo: "2022-03-08" });
    const body = await run(SUBMIT, { id: evaluationId, scores: [{ indicator: "GOV", score: 10 }] }, CHAIR);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", state: "PUBLIC_NOTICE", allowed: ["RECEIVE_APPEAL", "FINALIZE", "VOID"] });
    expect(await scoreCount(evaluationId)).toBe(0);
  });

  test("an unknown evaluation is NOT_FOUND; an id of another kind is BAD_USER_INPUT", async () => {
    expect((await run(SUBMIT, { id: "rat_t_nope", scores: M14_SCORES }, CHAIR)).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect((await run(SUBMIT, { id: TEAM, scores: M14_SCORES }, CHAIR)).errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "evaluationId" });
  });

  test("a resubmission replaces that indicator's score and the total follows", async () => {
    const { evaluationId } = await fixture("rescore", RatingStatus.PANEL_SCORING, { panelists: [CHAIR_ID] });
    await run(SUBMIT, { id: evaluationId, scores: [{ indicator: "GOV", score: 10 }, { indicator: "SVC", score: 20 }] }, CHAIR);
    const body = await run(SUBMIT, { id: evaluationId, scores: [{ indicator: "GOV", score: 12.5, comment: "章程已修订" }] }, CHAIR);
    expect(body.errors).toBeUndefined();
    expect(body.data.submitRatingScores).toMatchObject({ status: "PANEL_SCORING", totalScore: 32.5, stars: "NONE" });
    expect(body.data.submitRatingScores.indicatorScores).toEqual([
      { indicator: "GOV", score: 12.5, max: 20, comment: "章程已修订" },
      { indicator: "SVC", score: 20, max: 25, comment: null },
    ]);
  });
});

describe("transitionRating", () => {
  test("demo: M14: the panel chair enters the scores (76 → ★3) and opens the 7-day public notice", async () => {
    const SJK_STAFF: Partial<Claims> = { personId: "per_sjk_staff", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] };
    const body = await run(M14, { evaluationId: "rat_2022_jiaqiao", scores: M14_SCORES }, SJK_STAFF);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      submitRatingScores: { id: "rat_2022_jiaqiao", status: "PANEL_SCORING", totalScore: 76, stars: "THREE" },
      transitionRating: { id: "rat_2022_jiaqiao", status: "PUBLIC_NOTICE", publicNoticeFrom: "2022-03-12", publicNoticeTo: "2022-03-19" },
    });
    const events = await subgraph.db.getRepository(RatingEvent).findBy({ evaluationId: "rat_2022_jiaqiao" });
    expect(events).toEqual([expect.objectContaining({ action: "PUBLISH_NOTICE", from: "PANEL_SCORING", to: "PUBLIC_NOTICE", actorPersonId: "per_sjk_staff", comment: "公示7天" })]);
  });

  test("finalizing during the notice is a CONFLICT; the day after it ends the result is final, pilot and valid through the next cycle", async () => {
    // a team on a street of its own whose 2022 evaluation was scored 76 (★3) and put on notice today until 2022-03-19
    const fin = await addStreet(subgraph.db, "FIN");
    const { orgId } = await addOrganization(subgraph.db, "fin", { homeAreaCode: fin.community, members: 1 });
    const evaluationId = await addRatingEvaluation(subgraph.db, "fin_2022", orgId, {
      cycle: 2022, status: RatingStatus.PUBLIC_NOTICE, totalScore: 76, stars: StarLevel.THREE, publicNoticeFrom: "2022-03-12", publicNoticeTo: "2022-03-19",
      panelists: [CHAIR_ID], scores: Object.fromEntries(M14_SCORES.map((s) => [s.indicator, s.score])),
    });
    const early = await run(TRANSITION, { id: evaluationId, action: "FINALIZE" }, FA);
    expect(early.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", state: "PUBLIC_NOTICE", publicNoticeTo: "2022-03-19" });
    pinClock(new Date("2022-03-20T09:00:00+08:00"));
    try {
      const body = await run(TRANSITION, { id: evaluationId, action: "FINALIZE" }, streetStaffOf(fin.street, CHAIR_ID));
      expect(body.errors).toBeUndefined();
      expect(body.data.transitionRating).toMatchObject({ status: "FINAL", totalScore: 76, stars: "THREE", result: { stars: "THREE", totalScore: 76, cycle: 2022, validUntil: "2023-12-31", pilot: true } });
      const current = await run(`query($id: ID!) { organization(id: $id) { currentRating { cycle stars } } }`, { id: orgId }, ANONYMOUS);
      expect(current.data.organization.currentRating).toEqual({ cycle: 2022, stars: "THREE" });
    } finally {
      pinClock(DEMO_TODAY);
    }
  });

  test("the whole cycle with its actors: leader, assigned supervisor, then the authority", async () => {
    const { orgId, leaderId, evaluationId } = await fixture("cycle", RatingStatus.OPEN, { panelists: [CHAIR_ID], supervisor: SUPERVISOR_ID });
    const leader = leaderOf(orgId, leaderId);
    const supervisor = supervisorOf([orgId], SUPERVISOR_ID);
    const step = async (action: string, claims: Partial<Claims>) => (await run(TRANSITION, { id: evaluationId, action }, claims));
    expect((await step("SUBMIT_SELF", CHAIR)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await step("SUBMIT_SELF", leader)).data.transitionRating.status).toBe("SELF_ASSESSMENT");
    expect((await step("SUPERVISOR_CONFIRM", supervisorOf([orgId], OTHER_SUPERVISOR_ID))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await step("SUPERVISOR_CONFIRM", supervisor)).data.transitionRating.status).toBe("SUPERVISOR_REVIEW");
    expect((await step("START_PANEL", leader)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await step("START_PANEL", OTHER_STREET)).errors?.[0].message).toMatch(/Only a federation admin, or street staff whose area covers/);
    expect((await step("START_PANEL", CHAIR)).data.transitionRating.status).toBe("PANEL_SCORING");
    await run(SUBMIT, { id: evaluationId, scores: Object.entries(ALL_SCORED).map(([indicator, score]) => ({ indicator, score })) }, CHAIR);
    expect((await step("PUBLISH_NOTICE", FA)).data.transitionRating).toMatchObject({ status: "PUBLIC_NOTICE", totalScore: 85, stars: "FOUR" });
    expect((await step("RECEIVE_APPEAL", CHAIR)).data.transitionRating.status).toBe("APPEAL");
    expect((await step("RESOLVE_APPEAL", CHAIR)).data.transitionRating).toMatchObject({ status: "FINAL", result: { stars: "FOUR", cycle: 2023, validUntil: "2024-12-31", pilot: true } });
    expect((await step("VOID", FA)).data.transitionRating).toMatchObject({ status: "VOID", result: null });
    const events = await subgraph.db.getRepository(RatingEvent).find({ where: { evaluationId }, order: { at: "ASC", id: "ASC" } });
    expect(events.map((e) => e.to)).toEqual(["SELF_ASSESSMENT", "SUPERVISOR_REVIEW", "PANEL_SCORING", "PUBLIC_NOTICE", "APPEAL", "FINAL", "VOID"]);
  });

  test("an illegal transition is a CONFLICT naming the state and the allowed actions; nothing changes", async () => {
    const { evaluationId } = await fixture("illegal", RatingStatus.PANEL_SCORING);
    const body = await run(TRANSITION, { id: evaluationId, action: "FINALIZE" }, FA);
    expect(body.errors?.[0].extensions).toEqual({ code: "CONFLICT", state: "PANEL_SCORING", allowed: ["PUBLISH_NOTICE", "VOID"] });
    expect(body.errors?.[0].message).toMatch(/FINALIZE is not possible while the evaluation is PANEL_SCORING/);
    expect((await stored(evaluationId)).status).toBe("PANEL_SCORING");
  });

  test("publishing the notice before every indicator is scored is a CONFLICT listing the missing ones; nothing is written", async () => {
    const { evaluationId } = await fixture("missing", RatingStatus.PANEL_SCORING, { scores: { GOV: 15, OPS: 15, SVC: 20, PART: 10 } });
    const body = await run(TRANSITION, { id: evaluationId, action: "PUBLISH_NOTICE" }, CHAIR);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", state: "PANEL_SCORING", missingIndicators: ["SAT", "CAP"] });
    expect(await stored(evaluationId)).toMatchObject({ status: "PANEL_SCORING", publicNoticeFrom: null, totalScore: null });
    expect(await subgraph.db.getRepository(RatingEvent).countBy({ evaluationId })).toBe(0);
  });

  test("voiding a final result takes it out of currentRating", async () => {
    const { orgId, evaluationId } = await fixture("voided", RatingStatus.PUBLIC_NOTICE, { scores: ALL_SCORED, publicNoticeTo: "2022-03-08" });
    expect((await run(TRANSITION, { id: evaluationId, action: "FINALIZE" }, FA)).data.transitionRating.status).toBe("FINAL");
    const current = async () => (await run(`query($id: ID!) { organization(id: $id) { currentRating { stars } } }`, { id: orgId }, ANONYMOUS)).data.organization.currentRating;
    expect(await current()).toEqual({ stars: "FOUR" });
    await run(TRANSITION, { id: evaluationId, action: "VOID", comment: "备案已注销" }, FA);
    expect(await current()).toBeNull();
  });

  test("an unknown evaluation is NOT_FOUND, an over-long comment BAD_USER_INPUT", async () => {
    expect((await run(TRANSITION, { id: "rat_t_nope", action: "VOID" }, FA)).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect((await run(TRANSITION, { id: RATED_2021, action: "VOID", comment: "x".repeat(501) }, FA)).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await stored(RATED_2021)).status).toBe("FINAL");
  });
});
