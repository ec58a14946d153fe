import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { AGradeRecord } from "@subgraphs/organizations/rating/a-grade-record.entity";
import { IndicatorScore } from "@subgraphs/organizations/rating/indicator-score.entity";
import { Membership } from "@subgraphs/organizations/directory/membership.entity";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { Person } from "@subgraphs/organizations/directory/person.entity";
import { RatingEvaluation } from "@subgraphs/organizations/rating/rating-evaluation.entity";
import { RatingEvent } from "@subgraphs/organizations/rating/rating-event.entity";
import { RatingPanelist } from "@subgraphs/organizations/rating/rating-panelist.entity";
import { SupervisionAssignment } from "@subgraphs/organizations/supervision/supervision-assignment.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { MemberRole } from "@subgraphs/organizations/directory/directory.enums";
import { RatingStatus } from "@subgraphs/organizations/rating/rating.enums";

let subgraph: RunningSubgraph;
const DEMO_TODAY = new Date("2022-03-12T09:00:00+08:00");

beforeAll(async () => {
  pinClock(DEMO_TODAY); // the demo's today (DOMAIN §10)
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  pinClock(null);
  await subgraph?.stop();
});

const SJK_STAFF: Partial<Claims> = { personId: "per_sjk_staff", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] };
const SHEN: Partial<Claims> = { personId: "per_shen_worker", roles: ["SUPERVISOR"], orgIds: ["org_shichuang", "org_jiaqiao"] };
const LIU_OL: Partial<Claims> = { personId: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] };
const FA: Partial<Claims> = { personId: "per_fa_admin", roles: ["FEDERATION_ADMIN"] };
const CQ_STAFF: Partial<Claims> = { personId: "per_cq_staff", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] };

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

/** An organization of its own in 蜀麓苑社区 with one evaluation of cycle 2023 (so the demo's cycles stay as seeded). */
async function fixture(name: string, status: RatingStatus, options: { panelists?: string[]; scores?: Record<string, number>; publicNoticeTo?: string; supervisor?: string } = {}) {
  const orgId = `org_rt_${name}`;
  const evaluationId = `rat_rt_${name}`;
  const template = await subgraph.db.getRepository(Organization).findOneByOrFail({ id: "org_jiaqiao" });
  await subgraph.db.getRepository(Organization).insert({ ...template, id: orgId, name: `评级测试${name}` });
  await subgraph.db.getRepository(Membership).insert({ id: `mem_rt_${name}`, organizationId: orgId, personId: "per_liu_leader", role: MemberRole.LEADER, joinedOn: "2020-02-01", leftOn: null });
  await subgraph.db.getRepository(RatingEvaluation).insert({
    id: evaluationId, organizationId: orgId, cycle: 2023, schemeVersion: "v2022-pilot", status, totalScore: null, stars: null,
    publicNoticeFrom: options.publicNoticeTo ? "2022-03-01" : null, publicNoticeTo: options.publicNoticeTo ?? null, finalizedAt: null, validUntil: null, pilot: false,
  });
  const panelists = options.panelists ?? [];
  if (panelists.length) await subgraph.db.getRepository(RatingPanelist).insert(panelists.map((personId) => ({ evaluationId, personId })));
  const scores = Object.entries(options.scores ?? {});
  const maxOf: Record<string, number> = { GOV: 20, OPS: 20, SVC: 25, PART: 15, SAT: 15, CAP: 5 };
  if (scores.length) {
    await subgraph.db.getRepository(IndicatorScore).insert(
      scores.map(([indicator, score]) => ({ evaluationId, indicator, score, max: maxOf[indicator], comment: null, scoredBy: "per_sjk_staff", scoredAt: DEMO_TODAY })),
    );
  }
  if (options.supervisor) {
    await subgraph.db.getRepository(SupervisionAssignment).insert({ id: `sup_rt_${name}`, organizationId: orgId, agencyOrgId: "org_shichuang", supervisorPersonId: options.supervisor, since: "2021-01-01", until: null, cadence: null });
  }
  return { orgId, evaluationId };
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

  test("the pilot result of 加侨飞扬 is public; the 2022 evaluation in progress is not", async () => {
    const anonymous = (await run(RATINGS, { id: "org_jiaqiao" }, {})).data.organization;
    expect(anonymous.currentRating).toEqual({ stars: "THREE", totalScore: 78, cycle: 2021, validUntil: "2022-12-31", pilot: true });
    expect(anonymous.ratingHistory).toHaveLength(1);
    expect(anonymous.ratingHistory[0]).toMatchObject({
      id: "rat_2021_jiaqiao", status: "FINAL", schemeVersion: "v2022-pilot", totalScore: 78, stars: "THREE", organization: { id: "org_jiaqiao" },
      result: { stars: "THREE", cycle: 2021, validUntil: "2022-12-31", pilot: true },
    });
    expect(anonymous.ratingHistory[0].indicatorScores.map((s: { indicator: string }) => s.indicator)).toEqual(["GOV", "OPS", "SVC", "PART", "SAT", "CAP"]);
    expect(anonymous.aGrade).toBeNull();
  });

  test("admins, staff in scope, panelists, the leader and the supervisor also see the evaluation in progress", async () => {
    for (const claims of [FA, SJK_STAFF, SHEN, LIU_OL, { personId: "per_sjk_staff" }]) {
      const history = (await run(RATINGS, { id: "org_jiaqiao" }, claims)).data.organization.ratingHistory;
      expect(history.map((e: { id: string }) => e.id)).toEqual(["rat_2022_jiaqiao", "rat_2021_jiaqiao"]);
      expect(history[0]).toMatchObject({ status: "PANEL_SCORING", totalScore: null, stars: null, result: null, indicatorScores: [] });
    }
    for (const claims of [CQ_STAFF, { personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] }, { roles: ["PARTNER"] }]) {
      const history = (await run(RATINGS, { id: "org_jiaqiao" }, claims as Partial<Claims>)).data.organization.ratingHistory;
      expect(history.map((e: { id: string }) => e.id)).toEqual(["rat_2021_jiaqiao"]);
    }
  });

  test("A-grades: 爱邻's 4A from civil affairs; never for filed organizations even with a record", async () => {
    expect((await run(RATINGS, { id: "org_ailin" }, {})).data.organization).toMatchObject({
      aGrade: { grade: "A4", awardedOn: "2020-06-30", validUntil: "2025-06-30" },
      currentRating: null,
      ratingHistory: [],
    });
    await subgraph.db.getRepository(AGradeRecord).insert({ id: "agr_rt_filed", organizationId: "org_lezhulin", grade: "A3" as never, awardedOn: "2021-01-01", validUntil: "2026-01-01" });
    expect((await run(RATINGS, { id: "org_lezhulin" }, FA)).data.organization.aGrade).toBeNull();
  });

  const EVALUATIONS = `query($cycle: Int!, $area: ID!, $status: [RatingStatus!]) { ratingEvaluations(cycle: $cycle, areaCode: $area, status: $status) { id status organization { id } } }`;

  test("ratingEvaluations lists a cycle in an area's subtree with the same read rule", async () => {
    const ids = async (variables: Record<string, unknown>, claims: Partial<Claims>) =>
      (await run(EVALUATIONS, variables, claims)).data.ratingEvaluations.map((e: { id: string }) => e.id);
    expect(await ids({ cycle: 2022, area: "340104Z01" }, SJK_STAFF)).toEqual(["rat_2022_jiaqiao"]);
    expect(await ids({ cycle: 2022, area: "340104" }, FA)).toEqual(["rat_2022_jiaqiao"]);
    expect(await ids({ cycle: 2022, area: "340104Z01" }, {})).toEqual([]);
    expect(await ids({ cycle: 2021, area: "340104Z01" }, {})).toEqual(["rat_2021_jiaqiao"]);
    expect(await ids({ cycle: 2021, area: "340104Z01", status: ["PANEL_SCORING"] }, FA)).toEqual([]);
    expect(await ids({ cycle: 2022, area: "340111" }, FA)).toEqual([]);
  });

  test("ratingEvaluations refuses a malformed or unknown area and an implausible cycle", async () => {
    for (const variables of [{ cycle: 2022, area: "蜀山" }, { cycle: 2022, area: "999999" }, { cycle: 22, area: "340104" }]) {
      const body = await run(EVALUATIONS, variables, FA);
      expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("submitRatingScores", () => {
  test("a panelist who supervises the organization must recuse (FORBIDDEN), and nothing is written", async () => {
    const body = await run(SUBMIT, { id: "rat_2022_jiaqiao", scores: M14_SCORES }, SHEN);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "SUPERVISES_ORGANIZATION" });
    expect(body.errors?.[0].message).toMatch(/recuse yourself.*you supervise 加侨飞扬志愿服务队/);
    expect(await scoreCount("rat_2022_jiaqiao")).toBe(0);
  });

  test("a panelist who left the organization less than two years ago must recuse", async () => {
    const { orgId, evaluationId } = await fixture("exmember", RatingStatus.PANEL_SCORING, { panelists: ["per_rt_exmember"] });
    await subgraph.db.getRepository(Person).insert({ id: "per_rt_exmember", fullName: "赵某", phone: null, birthYear: 1970, residentAreaCode: null, consentPublicName: false });
    await subgraph.db.getRepository(Membership).insert({ id: "mem_rt_former", organizationId: orgId, personId: "per_rt_exmember", role: MemberRole.MEMBER, joinedOn: "2020-02-01", leftOn: "2021-06-30" });
    const body = await run(SUBMIT, { id: evaluationId, scores: [{ indicator: "GOV", score: 10 }] }, { personId: "per_rt_exmember", roles: ["COMMUNITY_STAFF"] });
    expect(body.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "FORMER_MEMBER_WITHIN_2_YEARS" });
    expect(await scoreCount(evaluationId)).toBe(0);
  });

  test("someone who is not on the panel is FORBIDDEN, whatever their role", async () => {
    for (const claims of [LIU_OL, FA, {}]) {
      const body = await run(SUBMIT, { id: "rat_2022_jiaqiao", scores: M14_SCORES }, claims);
      expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(body.errors?.[0].message).toMatch(/Only a panelist/);
    }
    expect(await scoreCount("rat_2022_jiaqiao")).toBe(0);
  });

  test("a score above the indicator's maximum or an unknown indicator is BAD_USER_INPUT, and no score of the call is kept", async () => {
    const tooHigh = await run(SUBMIT, { id: "rat_2022_jiaqiao", scores: [{ indicator: "GOV", score: 14 }, { indicator: "SVC", score: 26 }] }, SJK_STAFF);
    expect(tooHigh.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "scores[1].score", indicator: "SVC", max: 25 });
    const unknown = await run(SUBMIT, { id: "rat_2022_jiaqiao", scores: [{ indicator: "FUN", score: 1 }] }, SJK_STAFF);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "scores[0].indicator" });
    expect(await scoreCount("rat_2022_jiaqiao")).toBe(0);
    expect((await stored("rat_2022_jiaqiao")).totalScore).toBeNull();
  });

  test("scores outside PANEL_SCORING are a CONFLICT naming the state", async () => {
    const { evaluationId } = await fixture("notice", RatingStatus.PUBLIC_NOTICE, { panelists: ["per_sjk_staff"], publicNoticeTo: "2022-03-08" });
    const body = await run(SUBMIT, { id: evaluationId, scores: [{ indicator: "GOV", score: 10 }] }, SJK_STAFF);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", state: "PUBLIC_NOTICE", allowed: ["RECEIVE_APPEAL", "FINALIZE", "VOID"] });
    expect(await scoreCount(evaluationId)).toBe(0);
  });

  test("an unknown evaluation is NOT_FOUND; an id of another kind is BAD_USER_INPUT", async () => {
    expect((await run(SUBMIT, { id: "rat_nope", scores: M14_SCORES }, SJK_STAFF)).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect((await run(SUBMIT, { id: "org_jiaqiao", scores: M14_SCORES }, SJK_STAFF)).errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "evaluationId" });
  });

  test("a resubmission replaces that indicator's score and the total follows", async () => {
    const { evaluationId } = await fixture("rescore", RatingStatus.PANEL_SCORING, { panelists: ["per_sjk_staff"] });
    await run(SUBMIT, { id: evaluationId, scores: [{ indicator: "GOV", score: 10 }, { indicator: "SVC", score: 20 }] }, SJK_STAFF);
    const body = await run(SUBMIT, { id: evaluationId, scores: [{ indicator: "GOV", score: 12.5, comment: "章程已修订" }] }, SJK_STAFF);
    expect(body.errors).toBeUndefined();
    expect(body.data.submitRatingScores).toMatchObject({ status: "PANEL_SCORING", totalScore: 32.5, stars: "NONE" });
    expect(body.data.submitRatingScores.indicatorScores).toEqual([
      { indicator: "GOV", score: 12.5, max: 20, comment: "章程已修订" },
      { indicator: "SVC", score: 20, max: 25, comment: null },
    ]);
  });
});

describe("transitionRating", () => {
  test("M14: the panel chair enters the scores (76 → ★3) and opens the 7-day public notice", async () => {
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
    const early = await run(TRANSITION, { id: "rat_2022_jiaqiao", action: "FINALIZE" }, FA);
    expect(early.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", state: "PUBLIC_NOTICE", publicNoticeTo: "2022-03-19" });
    pinClock(new Date("2022-03-20T09:00:00+08:00"));
    try {
      const body = await run(TRANSITION, { id: "rat_2022_jiaqiao", action: "FINALIZE" }, SJK_STAFF);
      expect(body.errors).toBeUndefined();
      expect(body.data.transitionRating).toMatchObject({ status: "FINAL", totalScore: 76, stars: "THREE", result: { stars: "THREE", totalScore: 76, cycle: 2022, validUntil: "2023-12-31", pilot: true } });
      const current = await run(`{ organization(id: "org_jiaqiao") { currentRating { cycle stars } } }`, {}, {});
      expect(current.data.organization.currentRating).toEqual({ cycle: 2022, stars: "THREE" });
    } finally {
      pinClock(DEMO_TODAY);
    }
  });

  test("the whole cycle with its actors: leader, assigned supervisor, then the authority", async () => {
    const { orgId, evaluationId } = await fixture("cycle", RatingStatus.OPEN, { panelists: ["per_sjk_staff"], supervisor: "per_shen_worker" });
    const leader = { personId: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: [orgId] } as Partial<Claims>;
    const supervisor = { personId: "per_shen_worker", roles: ["SUPERVISOR"], orgIds: [orgId] } as Partial<Claims>;
    const step = async (action: string, claims: Partial<Claims>) => (await run(TRANSITION, { id: evaluationId, action }, claims));
    expect((await step("SUBMIT_SELF", SJK_STAFF)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await step("SUBMIT_SELF", leader)).data.transitionRating.status).toBe("SELF_ASSESSMENT");
    expect((await step("SUPERVISOR_CONFIRM", { personId: "per_wu_supervisor", roles: ["SUPERVISOR"], orgIds: [orgId] })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await step("SUPERVISOR_CONFIRM", supervisor)).data.transitionRating.status).toBe("SUPERVISOR_REVIEW");
    expect((await step("START_PANEL", leader)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await step("START_PANEL", CQ_STAFF)).errors?.[0].message).toMatch(/Only a federation admin, or street staff whose area covers/);
    expect((await step("START_PANEL", SJK_STAFF)).data.transitionRating.status).toBe("PANEL_SCORING");
    await run(SUBMIT, { id: evaluationId, scores: Object.entries(ALL_SCORED).map(([indicator, score]) => ({ indicator, score })) }, SJK_STAFF);
    expect((await step("PUBLISH_NOTICE", FA)).data.transitionRating).toMatchObject({ status: "PUBLIC_NOTICE", totalScore: 85, stars: "FOUR" });
    expect((await step("RECEIVE_APPEAL", SJK_STAFF)).data.transitionRating.status).toBe("APPEAL");
    expect((await step("RESOLVE_APPEAL", SJK_STAFF)).data.transitionRating).toMatchObject({ status: "FINAL", result: { stars: "FOUR", cycle: 2023, validUntil: "2024-12-31", pilot: true } });
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
    const body = await run(TRANSITION, { id: evaluationId, action: "PUBLISH_NOTICE" }, SJK_STAFF);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", state: "PANEL_SCORING", missingIndicators: ["SAT", "CAP"] });
    expect(await stored(evaluationId)).toMatchObject({ status: "PANEL_SCORING", publicNoticeFrom: null, totalScore: null });
    expect(await subgraph.db.getRepository(RatingEvent).countBy({ evaluationId })).toBe(0);
  });

  test("voiding a final result takes it out of currentRating", async () => {
    const { orgId, evaluationId } = await fixture("voided", RatingStatus.PUBLIC_NOTICE, { scores: ALL_SCORED, publicNoticeTo: "2022-03-08" });
    expect((await run(TRANSITION, { id: evaluationId, action: "FINALIZE" }, FA)).data.transitionRating.status).toBe("FINAL");
    const current = async () => (await run(`query($id: ID!) { organization(id: $id) { currentRating { stars } } }`, { id: orgId }, {})).data.organization.currentRating;
    expect(await current()).toEqual({ stars: "FOUR" });
    await run(TRANSITION, { id: evaluationId, action: "VOID", comment: "备案已注销" }, FA);
    expect(await current()).toBeNull();
  });

  test("an unknown evaluation is NOT_FOUND, an over-long comment BAD_USER_INPUT", async () => {
    expect((await run(TRANSITION, { id: "rat_nope", action: "VOID" }, FA)).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect((await run(TRANSITION, { id: "rat_2021_jiaqiao", action: "VOID", comment: "x".repeat(501) }, FA)).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await stored("rat_2021_jiaqiao")).status).toBe("FINAL");
  });
});
