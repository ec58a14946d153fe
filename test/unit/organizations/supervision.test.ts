import { toViewer, ANONYMOUS_CLAIMS, Claims } from "@platform/identity";
import { lastVisits, notesFor, summarizeNotes } from "@subgraphs/organizations/supervision/supervision-notes.rules";
import { isRatingAuthority, seesRatingInProgress } from "@subgraphs/organizations/rating/rating.policy";
import { notesAccess, seesAssignment } from "@subgraphs/organizations/supervision/supervision.policy";

const viewer = (claims: Partial<Claims>) => toViewer({ ...ANONYMOUS_CLAIMS, ...claims });
const LEZHULIN_AREA = { path: "340100/340111/340111X01/340111X01C01/" };
const visit = { supervisorPersonId: "per_wu", agencyOrgId: "org_ailin", organizationId: "org_lezhulin", orgArea: LEZHULIN_AREA, shareWithLeader: false };

describe("supervision notes (DOMAIN §9.2, §9.3)", () => {
  test("the supervisor and the agency read them in full", () => {
    expect(notesAccess(viewer({ personId: "per_wu", roles: ["SUPERVISOR"] }), visit)).toBe("FULL");
    expect(notesAccess(viewer({ personId: "per_bai", roles: ["ORG_LEADER"], orgIds: ["org_ailin"] }), visit)).toBe("FULL");
    expect(notesAccess(viewer({ personId: "per_other_sw", roles: ["SUPERVISOR"], orgIds: ["org_ailin"] }), visit)).toBe("FULL");
  });

  test("the organization's leader reads only shared notes", () => {
    const leader = viewer({ personId: "per_zhang", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
    expect(notesAccess(leader, visit)).toBe("NONE");
    expect(notesAccess(leader, { ...visit, shareWithLeader: true })).toBe("FULL");
    expect(notesAccess(viewer({ personId: "per_m", roles: ["ORG_MEMBER"], orgIds: ["org_lezhulin"] }), { ...visit, shareWithLeader: true })).toBe("NONE");
  });

  test("federation admins and staff in scope read a summary; staff elsewhere, academy and partners nothing", () => {
    expect(notesAccess(viewer({ personId: "per_fa", roles: ["FEDERATION_ADMIN"] }), visit)).toBe("SUMMARY");
    expect(notesAccess(viewer({ personId: "per_ss", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] }), visit)).toBe("SUMMARY");
    expect(notesAccess(viewer({ personId: "per_ss2", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] }), visit)).toBe("NONE");
    expect(notesAccess(viewer({ personId: "per_ac", roles: ["ACADEMY_STAFF"] }), visit)).toBe("NONE");
    expect(notesAccess(viewer({ roles: ["PARTNER"] }), visit)).toBe("NONE");
    expect(notesAccess(viewer({}), visit)).toBe("NONE");
  });

  test("the supervisor's person id alone (no SUPERVISOR role) reads no notes", () => {
    expect(notesAccess(viewer({ personId: "per_wu" }), visit)).toBe("NONE");
    expect(notesAccess(viewer({ personId: "per_wu", roles: ["VENUE_ADMIN"] }), visit)).toBe("NONE");
  });

  test("only FA, staff in scope, the assigned supervisor or its agency and the organization's leader know of an assignment", () => {
    expect(seesAssignment(viewer({ personId: "per_fa", roles: ["FEDERATION_ADMIN"] }), visit)).toBe(true);
    expect(seesAssignment(viewer({ personId: "per_cs", roles: ["COMMUNITY_STAFF"], areaCodes: ["340111X01C01"] }), visit)).toBe(true);
    expect(seesAssignment(viewer({ personId: "per_wu", roles: ["SUPERVISOR"] }), visit)).toBe(true);
    expect(seesAssignment(viewer({ personId: "per_zhang", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] }), visit)).toBe(true);
    // the leaks of issue 10: any signed-in non-partner used to see supervision records
    expect(seesAssignment(viewer({}), visit)).toBe(false);
    expect(seesAssignment(viewer({ roles: ["PARTNER"] }), visit)).toBe(false);
    expect(seesAssignment(viewer({ personId: "per_x" }), visit)).toBe(false);
    expect(seesAssignment(viewer({ personId: "per_va", roles: ["VENUE_ADMIN"], facilityIds: ["fac_x"] }), visit)).toBe(false);
    expect(seesAssignment(viewer({ personId: "per_m", roles: ["ORG_MEMBER"], orgIds: ["org_lezhulin"] }), visit)).toBe(false);
    expect(seesAssignment(viewer({ personId: "per_sup2", roles: ["SUPERVISOR"], orgIds: ["org_jiaqiao"] }), visit)).toBe(false);
    expect(seesAssignment(viewer({ personId: "per_ss2", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] }), visit)).toBe(false);
  });

  test("a summary is the first sentence, at most 40 characters", () => {
    expect(summarizeNotes("年度总结:全年服务1567人次。下一年重点培养副队长。")).toBe("年度总结:全年服务1567人次。…");
    expect(summarizeNotes("只有一句")).toBe("只有一句");
    expect(summarizeNotes("一".repeat(50))).toBe(`${"一".repeat(40)}…`);
    expect(summarizeNotes("first line\nsecond line")).toBe("first line…");
    expect(notesFor("a. b.", "FULL")).toBe("a. b.");
    expect(notesFor("a. b.", "NONE")).toBeNull();
    expect(notesFor(null, "FULL")).toBeNull();
  });

  test("the last visits keep date order", () => {
    expect(lastVisits([1, 2, 3, 4], 3)).toEqual([2, 3, 4]);
    expect(lastVisits([1], 5)).toEqual([1]);
  });
});

describe("who reads and moves a rating in progress (DOMAIN §9.2)", () => {
  const facts = { organizationId: "org_jiaqiao", orgArea: { path: "340100/340104/340104Z01/340104Z01C01/" }, panelistIds: ["per_panel"], supervisorIds: ["per_sup"] };

  test("admins, staff in scope, panelists, the leader and the supervisor do; others do not", () => {
    expect(seesRatingInProgress(viewer({ roles: ["FEDERATION_ADMIN"] }), facts)).toBe(true);
    expect(seesRatingInProgress(viewer({ roles: ["COMMUNITY_STAFF"], areaCodes: ["340104Z01C01"] }), facts)).toBe(true);
    expect(seesRatingInProgress(viewer({ personId: "per_panel" }), facts)).toBe(true);
    expect(seesRatingInProgress(viewer({ personId: "per_sup", roles: ["SUPERVISOR"] }), facts)).toBe(true);
    expect(seesRatingInProgress(viewer({ personId: "per_l", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] }), facts)).toBe(true);
    expect(seesRatingInProgress(viewer({ roles: ["STREET_STAFF"], areaCodes: ["340111X01"] }), facts)).toBe(false);
    expect(seesRatingInProgress(viewer({ personId: "per_m", roles: ["ORG_MEMBER"], orgIds: ["org_jiaqiao"] }), facts)).toBe(false);
    expect(seesRatingInProgress(viewer({}), facts)).toBe(false);
  });

  test("the panel steps belong to federation admins and street staff covering the organization", () => {
    expect(isRatingAuthority(viewer({ roles: ["FEDERATION_ADMIN"] }), null)).toBe(true);
    expect(isRatingAuthority(viewer({ roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] }), facts.orgArea)).toBe(true);
    expect(isRatingAuthority(viewer({ roles: ["COMMUNITY_STAFF"], areaCodes: ["340104Z01C01"] }), facts.orgArea)).toBe(false);
    expect(isRatingAuthority(viewer({ roles: ["STREET_STAFF"], areaCodes: ["340111X01"] }), facts.orgArea)).toBe(false);
  });
});
