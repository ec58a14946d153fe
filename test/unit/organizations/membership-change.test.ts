import { HeldRole, isProblem, leaderRequired, planLeave, planRoleChange } from "@subgraphs/organizations/membership-change/membership-change.rules";
import { LegalForm, MemberRole as R } from "@subgraphs/organizations/directory/directory.enums";

const TODAY = "2022-03-12";
const leader: HeldRole = { id: "mem_l", personId: "per_l", role: R.LEADER, joinedOn: "2019-10-01", leftOn: null };
const deputy: HeldRole = { id: "mem_d", personId: "per_d", role: R.DEPUTY, joinedOn: "2019-10-01", leftOn: null };
const member: HeldRole = { id: "mem_m", personId: "per_m", role: R.MEMBER, joinedOn: "2021-05-01", leftOn: null };
const active = [leader, deputy, member];

test("FILED, SOCIAL_GROUP and SOCIAL_SERVICE_AGENCY organizations need a leader", () => {
  expect(Object.values(LegalForm).filter(leaderRequired)).toEqual([LegalForm.SOCIAL_GROUP, LegalForm.SOCIAL_SERVICE_AGENCY, LegalForm.FILED]);
});

test("a role change closes the held row and opens a new one on the same day", () => {
  expect(planRoleChange(member, R.BACKBONE, "2022-03-01", TODAY, LegalForm.FILED, active)).toEqual({
    close: [{ id: "mem_m", on: "2022-03-01" }],
    open: [{ personId: "per_m", role: R.BACKBONE, from: "2022-03-01" }],
  });
});

test("making someone LEADER demotes the current leader to DEPUTY in the same plan", () => {
  expect(planRoleChange(deputy, R.LEADER, TODAY, TODAY, LegalForm.FILED, active)).toEqual({
    close: [
      { id: "mem_d", on: TODAY },
      { id: "mem_l", on: TODAY },
    ],
    open: [
      { personId: "per_d", role: R.LEADER, from: TODAY },
      { personId: "per_l", role: R.DEPUTY, from: TODAY },
    ],
  });
});

test("the only leader cannot step down or leave where a leader is required; elsewhere they can", () => {
  expect(planRoleChange(leader, R.MEMBER, TODAY, TODAY, LegalForm.FILED, active)).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("LEADER") });
  expect(planLeave(leader, TODAY, TODAY, LegalForm.SOCIAL_GROUP)).toMatchObject({ code: "CONFLICT" });
  expect(isProblem(planRoleChange(leader, R.MEMBER, TODAY, TODAY, LegalForm.INFORMAL, active))).toBe(false);
  expect(planLeave(leader, TODAY, TODAY, LegalForm.INFORMAL)).toEqual({ close: [{ id: "mem_l", on: TODAY }], open: [] });
});

test("bad days and no-op changes are bad input; an ended membership is a conflict", () => {
  expect(planRoleChange(member, R.BACKBONE, "2022-03-13", TODAY, LegalForm.FILED, active)).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("future") });
  expect(planRoleChange(member, R.BACKBONE, "2021-04-30", TODAY, LegalForm.FILED, active)).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("2021-05-01") });
  expect(planRoleChange(member, R.MEMBER, TODAY, TODAY, LegalForm.FILED, active)).toMatchObject({ code: "BAD_USER_INPUT" });
  expect(planLeave({ ...member, leftOn: "2022-01-01" }, TODAY, TODAY, LegalForm.FILED)).toMatchObject({ code: "CONFLICT" });
  expect(planLeave(member, "2022-03-13", TODAY, LegalForm.FILED)).toMatchObject({ code: "BAD_USER_INPUT" });
  const lateLeader = { ...leader, joinedOn: "2022-03-10" };
  expect(planRoleChange(deputy, R.LEADER, "2022-03-01", TODAY, LegalForm.FILED, [lateLeader, deputy])).toMatchObject({ code: "BAD_USER_INPUT" });
});
