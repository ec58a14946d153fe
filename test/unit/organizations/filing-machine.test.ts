import {
  actingRole,
  allowedFilingActions,
  describeFilingActor,
  FILING_ACTORS,
  filingCommentRequired,
  isStaffAction,
  minimumMembersFor,
  nextFilingState,
  organizationStatusAfter,
  submitProblems,
  SubmitFacts,
} from "@subgraphs/organizations/filing/filing.machine";
import { filingNoPrefix, formatFilingNo, nextFilingNo } from "@subgraphs/organizations/filing/filing-number.rules";
import { OrgForm, OrgStatus } from "@subgraphs/organizations/directory/directory.enums";
import { FilingAction as A, FilingStatus as S } from "@subgraphs/organizations/filing/filing.enums";

// DOMAIN §8.1 written out independently of the implementation: every legal (from, action) → to.
const LEGAL: [S, A, S][] = [
  [S.DRAFT, A.SUBMIT, S.SUBMITTED],
  [S.SUBMITTED, A.COMMUNITY_APPROVE, S.COMMUNITY_REVIEWED],
  [S.COMMUNITY_REVIEWED, A.STREET_ACCEPT, S.STREET_REVIEW],
  [S.STREET_REVIEW, A.START_NOTICE, S.PUBLIC_NOTICE],
  [S.PUBLIC_NOTICE, A.APPROVE, S.FILED],
  [S.STREET_REVIEW, A.APPROVE, S.FILED],
  [S.SUBMITTED, A.RETURN, S.RETURNED],
  [S.COMMUNITY_REVIEWED, A.RETURN, S.RETURNED],
  [S.STREET_REVIEW, A.RETURN, S.RETURNED],
  [S.RETURNED, A.SUBMIT, S.SUBMITTED],
  [S.DRAFT, A.REJECT, S.REJECTED],
  [S.SUBMITTED, A.REJECT, S.REJECTED],
  [S.COMMUNITY_REVIEWED, A.REJECT, S.REJECTED],
  [S.STREET_REVIEW, A.REJECT, S.REJECTED],
  [S.PUBLIC_NOTICE, A.REJECT, S.REJECTED],
  [S.RETURNED, A.REJECT, S.REJECTED],
  [S.CHANGE_PENDING, A.APPROVE, S.FILED],
  [S.CHANGE_PENDING, A.RETURN, S.FILED],
  [S.FILED, A.SUSPEND, S.SUSPENDED],
  [S.SUSPENDED, A.REINSTATE, S.FILED],
  [S.FILED, A.DEREGISTER, S.DEREGISTERED],
  [S.SUSPENDED, A.DEREGISTER, S.DEREGISTERED],
];

const everyPair = Object.values(S).flatMap((state) => Object.values(A).map((action) => [state, action] as const));

test.each(everyPair)("from %s, %s leads exactly where §8.1 says (or nowhere)", (state, action) => {
  const legal = LEGAL.find(([from, a]) => from === state && a === action);
  expect(nextFilingState(state, action)).toBe(legal ? legal[2] : null);
});

test("the allowed actions of each state are the legal ones, in enum order; terminal states allow none", () => {
  for (const state of Object.values(S)) {
    const expected = Object.values(A).filter((action) => LEGAL.some(([from, a]) => from === state && a === action));
    expect(allowedFilingActions(state)).toEqual(expected);
  }
  for (const terminal of [S.REJECTED, S.DEREGISTERED, S.CONVERTED_TO_REGISTERED]) expect(allowedFilingActions(terminal)).toEqual([]);
  expect(allowedFilingActions(S.COMMUNITY_REVIEWED)).toEqual([A.STREET_ACCEPT, A.RETURN, A.REJECT]);
});

const NOBODY = { leadsOrganization: false, communityStaffInScope: false, streetStaffInScope: false };
const LEADER = { ...NOBODY, leadsOrganization: true };
const COMMUNITY = { ...NOBODY, communityStaffInScope: true };
const STREET = { ...NOBODY, streetStaffInScope: true };

test.each(Object.values(A))("%s needs exactly one actor and no one else may take it", (action) => {
  const expected = action === A.SUBMIT ? "ORG_LEADER" : action === A.COMMUNITY_APPROVE ? "COMMUNITY_STAFF" : "STREET_STAFF";
  expect(FILING_ACTORS[action]).toBe(expected);
  const byRole = { ORG_LEADER: LEADER, COMMUNITY_STAFF: COMMUNITY, STREET_STAFF: STREET };
  for (const [role, facts] of Object.entries(byRole)) expect(actingRole(action, facts)).toBe(role === expected ? expected : null);
  expect(actingRole(action, NOBODY)).toBeNull();
  expect(actingRole(action, { leadsOrganization: true, communityStaffInScope: true, streetStaffInScope: true })).toBe(expected);
  expect(isStaffAction(action)).toBe(expected !== "ORG_LEADER");
  expect(describeFilingActor(action)).toContain(expected);
});

test("RETURN and REJECT need a comment, nothing else does", () => {
  expect(Object.values(A).filter(filingCommentRequired)).toEqual([A.RETURN, A.REJECT]);
});

const READY: SubmitFacts = {
  name: "竹西社区书画社",
  charterDocumentUrl: "https://docs.hub.example/c.pdf",
  hasActiveLeader: true,
  venueDeclared: true,
  activeMemberCount: 10,
  orgForm: OrgForm.SOCIETY,
  homeAreaInAuthority: true,
};

test("SUBMIT guards: a complete filing passes; each missing piece is named, all at once", () => {
  expect(submitProblems(READY)).toEqual([]);
  expect(submitProblems({ ...READY, name: " ", charterDocumentUrl: null, hasActiveLeader: false, venueDeclared: false, activeMemberCount: 3, homeAreaInAuthority: false }).map((p) => p.facts?.requirement)).toEqual(
    ["NAME", "CHARTER", "LEADER", "VENUE", "MEMBERS", "AREA"],
  );
  expect(submitProblems({ ...READY, activeMemberCount: 9 })).toEqual([{ code: "CONFLICT", message: "Have at least 10 active members (now 9).", facts: { requirement: "MEMBERS" } }]);
});

test("association-type forms need 10 members, other forms 2", () => {
  expect(minimumMembersFor(OrgForm.ASSOCIATION)).toBe(10);
  expect(minimumMembersFor(OrgForm.SOCIETY)).toBe(10);
  for (const form of [OrgForm.TEAM, OrgForm.STATION, OrgForm.CENTER, OrgForm.GROUP, null]) expect(minimumMembersFor(form)).toBe(2);
  expect(submitProblems({ ...READY, orgForm: OrgForm.TEAM, activeMemberCount: 2 })).toEqual([]);
  expect(submitProblems({ ...READY, orgForm: OrgForm.TEAM, activeMemberCount: 1 }).map((p) => p.facts?.requirement)).toEqual(["MEMBERS"]);
});

test("the organization's status follows its filing", () => {
  expect(organizationStatusAfter(S.STREET_REVIEW, S.FILED)).toBe(OrgStatus.ACTIVE);
  expect(organizationStatusAfter(S.SUSPENDED, S.FILED)).toBe(OrgStatus.ACTIVE);
  expect(organizationStatusAfter(S.CHANGE_PENDING, S.FILED)).toBeNull();
  expect(organizationStatusAfter(S.FILED, S.SUSPENDED)).toBe(OrgStatus.SUSPENDED);
  expect(organizationStatusAfter(S.SUSPENDED, S.DEREGISTERED)).toBe(OrgStatus.DEREGISTERED);
  expect(organizationStatusAfter(S.SUBMITTED, S.RETURNED)).toBeNull();
});

test("filing numbers run per authority and year", () => {
  expect(filingNoPrefix("340111X01")).toBe("CQ");
  expect(filingNoPrefix("340199X09")).toBe("340199X09");
  expect(formatFilingNo("CQ", 2022, 1)).toBe("CQ-BA-2022-0001");
  expect(nextFilingNo("340111X01", 2022, [])).toBe("CQ-BA-2022-0001");
  expect(nextFilingNo("340111X01", 2022, ["CQ-BA-2019-0087", null, "CQ-BA-2022-0004", "CQ-BA-2022-0012", "SJK-BA-2022-0099"])).toBe("CQ-BA-2022-0013");
  expect(nextFilingNo("340111X01", 2019, ["CQ-BA-2019-0087"])).toBe("CQ-BA-2019-0088");
});
