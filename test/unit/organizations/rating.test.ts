import { aGradeValidUntil, carriesAGrade } from "@subgraphs/organizations/rating/a-grade.rules";
import { addYears, ratingValidUntil } from "@subgraphs/organizations/rating/rating-calendar.rules";
import { addDays } from "@kit/days";
import {
  allowedRatingActions,
  isSettledRating,
  nextRatingStatus,
  ratingActorFor,
  ratingGuardProblem,
} from "@subgraphs/organizations/rating/rating.machine";
import { recusalReason } from "@subgraphs/organizations/rating/rating-recusal.rules";
import { isPilotScheme, missingIndicators, scoreInputProblem, starsFor, totalOf } from "@subgraphs/organizations/rating/rating-score.rules";
import { DEFAULT_RATING_SCHEME } from "@subgraphs/organizations/rating/rating.seed";
import { LegalForm } from "@subgraphs/organizations/directory/directory.enums";
import { RatingAction as A, RatingStatus as S, StarLevel } from "@subgraphs/organizations/rating/rating.enums";

const { indicators, thresholds } = DEFAULT_RATING_SCHEME;

describe("rating cycle (DOMAIN §8.5)", () => {
  test("the main path runs OPEN → … → FINAL, with an appeal as a detour", () => {
    const path: [S, A, S][] = [
      [S.OPEN, A.SUBMIT_SELF, S.SELF_ASSESSMENT],
      [S.SELF_ASSESSMENT, A.SUPERVISOR_CONFIRM, S.SUPERVISOR_REVIEW],
      [S.SUPERVISOR_REVIEW, A.START_PANEL, S.PANEL_SCORING],
      [S.PANEL_SCORING, A.PUBLISH_NOTICE, S.PUBLIC_NOTICE],
      [S.PUBLIC_NOTICE, A.FINALIZE, S.FINAL],
      [S.PUBLIC_NOTICE, A.RECEIVE_APPEAL, S.APPEAL],
      [S.APPEAL, A.RESOLVE_APPEAL, S.FINAL],
    ];
    for (const [from, action, to] of path) expect(nextRatingStatus(from, action)).toBe(to);
  });

  test("every state but VOID can be voided, FINAL included (downgrade trigger)", () => {
    for (const status of Object.values(S)) expect(nextRatingStatus(status, A.VOID)).toBe(status === S.VOID ? null : S.VOID);
  });

  test("illegal moves are refused and the allowed ones listed", () => {
    expect(nextRatingStatus(S.PANEL_SCORING, A.FINALIZE)).toBeNull();
    expect(nextRatingStatus(S.OPEN, A.START_PANEL)).toBeNull();
    expect(nextRatingStatus(S.FINAL, A.RECEIVE_APPEAL)).toBeNull();
    expect(allowedRatingActions(S.PANEL_SCORING)).toEqual([A.PUBLISH_NOTICE, A.VOID]);
    expect(allowedRatingActions(S.PUBLIC_NOTICE)).toEqual([A.RECEIVE_APPEAL, A.FINALIZE, A.VOID]);
    expect(allowedRatingActions(S.FINAL)).toEqual([A.VOID]);
    expect(allowedRatingActions(S.VOID)).toEqual([]);
  });

  test("actors: the leader self-assesses, the supervisor confirms, the authority runs the rest", () => {
    expect(ratingActorFor(A.SUBMIT_SELF)).toBe("ORG_LEADER");
    expect(ratingActorFor(A.SUPERVISOR_CONFIRM)).toBe("SUPERVISOR");
    for (const action of [A.START_PANEL, A.PUBLISH_NOTICE, A.FINALIZE, A.RECEIVE_APPEAL, A.RESOLVE_APPEAL, A.VOID]) {
      expect(ratingActorFor(action)).toBe("RATING_AUTHORITY");
    }
  });

  test("only FINAL and VOID are settled", () => {
    expect(Object.values(S).filter(isSettledRating)).toEqual([S.FINAL, S.VOID]);
  });

  test("guards: the notice needs every indicator, finalizing waits for the notice to end, appeals come during it", () => {
    const base = { today: "2022-03-12", publicNoticeTo: null, missingIndicators: [] };
    expect(ratingGuardProblem(A.PUBLISH_NOTICE, { ...base, missingIndicators: ["SAT", "CAP"] })?.facts).toEqual({ missingIndicators: ["SAT", "CAP"] });
    expect(ratingGuardProblem(A.PUBLISH_NOTICE, base)).toBeNull();
    expect(ratingGuardProblem(A.FINALIZE, { ...base, today: "2022-03-19", publicNoticeTo: "2022-03-19" })?.message).toMatch(/until 2022-03-19/);
    expect(ratingGuardProblem(A.FINALIZE, { ...base, today: "2022-03-20", publicNoticeTo: "2022-03-19" })).toBeNull();
    expect(ratingGuardProblem(A.RECEIVE_APPEAL, { ...base, today: "2022-03-19", publicNoticeTo: "2022-03-19" })).toBeNull();
    expect(ratingGuardProblem(A.RECEIVE_APPEAL, { ...base, today: "2022-03-20", publicNoticeTo: "2022-03-19" })?.facts).toEqual({ publicNoticeTo: "2022-03-19" });
  });
});

describe("scores and stars (DOMAIN §3.8)", () => {
  test("the star bands of the default scheme", () => {
    const cases: [number, StarLevel][] = [
      [100, StarLevel.FIVE], [90, StarLevel.FIVE], [89.5, StarLevel.FOUR], [80, StarLevel.FOUR], [79, StarLevel.THREE],
      [76, StarLevel.THREE], [70, StarLevel.THREE], [69, StarLevel.TWO], [60, StarLevel.TWO], [59, StarLevel.ONE], [50, StarLevel.ONE],
      [49.9, StarLevel.NONE], [0, StarLevel.NONE],
    ];
    for (const [total, stars] of cases) expect(starsFor(total, thresholds)).toBe(stars);
  });

  test("totals add to the hundredth, without floating-point dust", () => {
    expect(totalOf([{ score: 14 }, { score: 15 }, { score: 20 }, { score: 13 }, { score: 13 }, { score: 1 }])).toBe(76);
    expect(totalOf([{ score: 0.1 }, { score: 0.2 }])).toBe(0.3);
    expect(totalOf([])).toBe(0);
  });

  test("the default scheme is 100 points over six indicators and is a pilot", () => {
    expect(indicators.map((i) => [i.code, i.max])).toEqual([["GOV", 20], ["OPS", 20], ["SVC", 25], ["PART", 15], ["SAT", 15], ["CAP", 5]]);
    expect(indicators.reduce((sum, i) => sum + i.max, 0)).toBe(100);
    expect(isPilotScheme(DEFAULT_RATING_SCHEME.version)).toBe(true);
    expect(isPilotScheme("v2023")).toBe(false);
  });

  test("missing indicators are listed in scheme order", () => {
    expect(missingIndicators(indicators, ["SVC", "GOV"])).toEqual(["OPS", "PART", "SAT", "CAP"]);
    expect(missingIndicators(indicators, indicators.map((i) => i.code))).toEqual([]);
  });

  test("bad scores are named: unknown indicator, out of range, twice, none at all", () => {
    expect(scoreInputProblem([{ indicator: "GOV", score: 20 }, { indicator: "CAP", score: 0 }], indicators)).toBeNull();
    expect(scoreInputProblem([{ indicator: "SVC", score: 26 }], indicators)).toMatchObject({ facts: { argument: "scores[0].score", indicator: "SVC", max: 25 } });
    expect(scoreInputProblem([{ indicator: "SVC", score: -1 }], indicators)?.message).toMatch(/give 0 to 25/);
    expect(scoreInputProblem([{ indicator: "GOV", score: 1 }, { indicator: "FUN", score: 1 }], indicators)).toMatchObject({ facts: { argument: "scores[1].indicator" } });
    expect(scoreInputProblem([{ indicator: "GOV", score: 1 }, { indicator: "GOV", score: 2 }], indicators)?.message).toMatch(/GOV is scored twice/);
    expect(scoreInputProblem([], indicators)?.facts).toEqual({ argument: "scores" });
    expect(scoreInputProblem([{ indicator: "GOV", score: Number.NaN }], indicators)).not.toBeNull();
    expect(scoreInputProblem([{ indicator: "GOV", score: 1, comment: "x".repeat(501) }], indicators)?.facts).toMatchObject({ argument: "scores[0].comment" });
  });
});

describe("conflict-of-interest recusal (DOMAIN §8.5, §9.2)", () => {
  const base = { personId: "per_a", supervisorIds: [] as string[], memberships: [] as { joinedOn: string; leftOn: string | null }[], today: "2022-03-12" };

  test("a supervisor of the organization recuses", () => {
    expect(recusalReason({ ...base, supervisorIds: ["per_b", "per_a"] })).toBe("SUPERVISES_ORGANIZATION");
  });

  test("members and members who left less than two years ago recuse; older ex-members and future joiners do not", () => {
    expect(recusalReason({ ...base, memberships: [{ joinedOn: "2020-01-01", leftOn: null }] })).toBe("MEMBER_OF_ORGANIZATION");
    expect(recusalReason({ ...base, memberships: [{ joinedOn: "2019-01-01", leftOn: "2020-03-13" }] })).toBe("FORMER_MEMBER_WITHIN_2_YEARS");
    expect(recusalReason({ ...base, memberships: [{ joinedOn: "2019-01-01", leftOn: "2020-03-12" }] })).toBeNull();
    expect(recusalReason({ ...base, memberships: [{ joinedOn: "2023-01-01", leftOn: null }] })).toBeNull();
    expect(recusalReason(base)).toBeNull();
  });
});

describe("calendar rules", () => {
  test("a rating holds to the end of the next cycle year", () => {
    expect(ratingValidUntil(2022, 12)).toBe("2023-12-31");
    expect(ratingValidUntil(2021, 12)).toBe("2022-12-31");
    expect(ratingValidUntil(2022, 6)).toBe("2023-06-30");
  });

  test("the notice window and year arithmetic", () => {
    expect(addDays("2022-03-12", 7)).toBe("2022-03-19");
    expect(addDays("2022-12-28", 7)).toBe("2023-01-04");
    expect(addYears("2022-03-12", -2)).toBe("2020-03-12");
    expect(addYears("2020-02-29", 1)).toBe("2021-02-28");
  });

  test("A-grades: registered legal forms only, valid five years", () => {
    expect(aGradeValidUntil("2020-06-30")).toBe("2025-06-30");
    expect([LegalForm.SOCIAL_GROUP, LegalForm.SOCIAL_SERVICE_AGENCY, LegalForm.FOUNDATION].every(carriesAGrade)).toBe(true);
    expect(carriesAGrade(LegalForm.FILED) || carriesAGrade(LegalForm.INFORMAL)).toBe(false);
  });
});
