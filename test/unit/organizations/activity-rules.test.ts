import {
  checkBeneficiaryVisits,
  checkDailyLimit,
  checkDistinctVolunteers,
  checkLineMinutes,
  checkRecorder,
  checkSpan,
  isLateRecord,
  lateRecordNeedsSupervisor,
  serviceDayOf,
} from "@subgraphs/organizations/activity-recording/activity.rules";
import { rangeProblem } from "@kit/days";
import { allowedVerifications, checkVerification } from "@subgraphs/organizations/activity-recording/verification.rules";
import { VerificationStatus } from "@subgraphs/organizations/activities/activity.enums";

const at = (iso: string) => new Date(iso);
const start = at("2021-06-18T09:00:00+08:00");
const end = at("2021-06-18T11:30:00+08:00"); // 150 min
const now = at("2021-06-19T09:00:00+08:00");

describe("span and counts", () => {
  test("an activity ends after it starts and is recorded once it is over", () => {
    expect(checkSpan(start, end, now)).toBeNull();
    expect(checkSpan(end, start, now)).toMatchObject({ code: "BAD_USER_INPUT", facts: { argument: "input.endsAt" } });
    expect(checkSpan(start, start, now)?.code).toBe("BAD_USER_INPUT");
    expect(checkSpan(start, end, at("2021-06-18T10:00:00+08:00"))?.message).toMatch(/future/);
  });

  test("beneficiary visits are zero or more", () => {
    expect(checkBeneficiaryVisits(0)).toBeNull();
    expect(checkBeneficiaryVisits(13)).toBeNull();
    expect(checkBeneficiaryVisits(-1)?.code).toBe("BAD_USER_INPUT");
  });

  test("a person appears on one line only", () => {
    expect(checkDistinctVolunteers([{ personId: "per_a", minutes: 10 }, { personId: "per_b", minutes: 10 }])).toBeNull();
    expect(checkDistinctVolunteers([{ personId: "per_a", minutes: 10 }, { personId: "per_a", minutes: 10 }])).toMatchObject({ facts: { personId: "per_a" } });
  });
});

describe("§3.10 line minutes: 0 < minutes ≤ duration + 60 min preparation", () => {
  test("up to the duration plus the allowance passes", () => {
    expect(checkLineMinutes([{ personId: "per_a", minutes: 150 }, { personId: "per_b", minutes: 210 }], start, end)).toBeNull();
  });

  test("a line longer than the activity plus preparation names the person and the maximum", () => {
    const violation = checkLineMinutes([{ personId: "per_a", minutes: 150 }, { personId: "per_b", minutes: 211 }], start, end);
    expect(violation).toMatchObject({ code: "BAD_USER_INPUT", facts: { personId: "per_b", minutes: 211, maxMinutes: 210 } });
    expect(violation?.message).toContain("per_b");
    expect(violation?.message).toContain("210");
  });

  test("zero or negative minutes are refused", () => {
    expect(checkLineMinutes([{ personId: "per_a", minutes: 0 }], start, end)?.facts).toMatchObject({ personId: "per_a" });
    expect(checkLineMinutes([{ personId: "per_a", minutes: -5 }], start, end)?.code).toBe("BAD_USER_INPUT");
  });
});

describe("§3.10 at most 16 h a person a day across organizations", () => {
  test("counts what is already recorded that day", () => {
    const recorded = new Map([["per_a", 600]]);
    expect(checkDailyLimit([{ personId: "per_a", minutes: 360 }], "2021-06-18", recorded)).toBeNull();
    const violation = checkDailyLimit([{ personId: "per_b", minutes: 60 }, { personId: "per_a", minutes: 361 }], "2021-06-18", recorded);
    expect(violation).toMatchObject({ code: "BAD_USER_INPUT", facts: { personId: "per_a", day: "2021-06-18", recordedMinutes: 600, maxMinutes: 360 } });
    expect(violation?.message).toContain("2021-06-18");
  });

  test("17 hours in one record alone is too much", () => {
    expect(checkDailyLimit([{ personId: "per_a", minutes: 17 * 60 }], "2021-06-18", new Map())?.facts).toMatchObject({ personId: "per_a" });
  });

  test("the day is the Asia/Shanghai day the activity starts", () => {
    expect(serviceDayOf(at("2021-06-17T16:30:00Z"))).toBe("2021-06-18");
    expect(serviceDayOf(at("2021-06-18T15:59:00Z"))).toBe("2021-06-18");
  });
});

describe("谁组织谁记录 and the 30-day window", () => {
  const facts = { organizationName: "乐竹邻志愿服务队", actsForOrganization: true, activeMember: true };

  test("an active member acting for the organization records on time", () => {
    expect(checkRecorder(facts)).toBeNull();
    expect(checkRecorder({ ...facts, activeMember: false })).toMatchObject({ code: "FORBIDDEN" });
    expect(checkRecorder({ ...facts, actsForOrganization: false })?.message).toMatch(/谁组织谁记录/);
  });

  test("a record more than 30 days late needs the supervisor's approval: the leader's confirmation is refused", () => {
    expect(lateRecordNeedsSupervisor(true, "ORG_CONFIRMED", "乐竹邻志愿服务队")).toMatchObject({ code: "FORBIDDEN" });
    expect(lateRecordNeedsSupervisor(true, "ORG_CONFIRMED", "乐竹邻志愿服务队")?.message).toMatch(/SUPERVISOR_VERIFIED/);
    expect(lateRecordNeedsSupervisor(true, "SUPERVISOR_VERIFIED", "乐竹邻志愿服务队")).toBeNull();
    expect(lateRecordNeedsSupervisor(false, "ORG_CONFIRMED", "乐竹邻志愿服务队")).toBeNull();
  });

  test("late means more than 30 days after the activity ended", () => {
    expect(isLateRecord(end, new Date(end.getTime() + 30 * 86_400_000))).toBe(false);
    expect(isLateRecord(end, new Date(end.getTime() + 30 * 86_400_000 + 1))).toBe(true);
  });
});

describe("verification steps", () => {
  const { UNVERIFIED, ORG_CONFIRMED, SUPERVISOR_VERIFIED, REJECTED } = VerificationStatus;

  test("records move forward only", () => {
    expect(checkVerification(UNVERIFIED, ORG_CONFIRMED, null)).toBeNull();
    expect(checkVerification(UNVERIFIED, SUPERVISOR_VERIFIED, null)).toBeNull();
    expect(checkVerification(ORG_CONFIRMED, SUPERVISOR_VERIFIED, null)).toBeNull();
    expect(checkVerification(ORG_CONFIRMED, REJECTED, "签到表缺失")).toBeNull();
    expect(checkVerification(SUPERVISOR_VERIFIED, ORG_CONFIRMED, null)).toMatchObject({ code: "CONFLICT", facts: { state: SUPERVISOR_VERIFIED, allowed: [] } });
    expect(checkVerification(ORG_CONFIRMED, ORG_CONFIRMED, null)).toMatchObject({ code: "CONFLICT", facts: { allowed: [SUPERVISOR_VERIFIED, REJECTED] } });
    expect(checkVerification(REJECTED, SUPERVISOR_VERIFIED, null)?.code).toBe("CONFLICT");
    expect(allowedVerifications(UNVERIFIED)).toEqual([ORG_CONFIRMED, SUPERVISOR_VERIFIED, REJECTED]);
  });

  test("nothing goes back to UNVERIFIED and a rejection says why", () => {
    expect(checkVerification(ORG_CONFIRMED, UNVERIFIED, null)).toMatchObject({ code: "BAD_USER_INPUT", facts: { argument: "status" } });
    expect(checkVerification(UNVERIFIED, REJECTED, "  ")).toMatchObject({ code: "BAD_USER_INPUT", facts: { argument: "comment" } });
  });
});

test("a period runs forward", () => {
  expect(rangeProblem({ from: "2021-01-01", to: "2021-12-31" }, "period")).toBeNull();
  expect(rangeProblem({ from: "2021-06-18", to: "2021-06-18" }, "period")).toBeNull();
  expect(rangeProblem({ from: "2021-12-31", to: "2021-01-01" }, "period")).toMatchObject({ code: "BAD_USER_INPUT", facts: { argument: "period" } });
});
