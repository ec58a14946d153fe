import { CAST } from "./cast";
import { Actor, actor, Afterwards, Expectation, MatrixRow, Probe } from "./matrix";

/** Callers of the organizations rows; scopes name demo data (DOMAIN.md §10). */
export const ORGANIZATIONS_ACTORS = {
  FA: CAST.federationAdmin,
  SS: CAST.streetStaffChangqing,
  SUP: CAST.supervisorOfNone,
  OL: CAST.leaderOfJiaqiao,
  OM: CAST.memberOfJiaqiao,
  AC: CAST.academyStaffElsewhere,
  RV: CAST.reviewerOfNothing,
  PO: { column: "PO", who: "PO of another programme", token: { sub: "per_t_po", roles: ["PO"], programIds: ["prg_t_other"] } },
  VA: { column: "VA", who: "VA of another facility", token: { sub: "per_t_va", roles: ["VA"], facilityIds: ["fac_t_other"] } },
  PT: CAST.anonymousPartner,
} satisfies Record<string, Actor>;

const everyone = (probe: Omit<Probe, "as">): Probe[] => Object.values(ORGANIZATIONS_ACTORS).map((as) => ({ ...probe, as }));

/*
 * Who is who below. Most rows look at 乐竹邻 (org_lezhulin, 竹西社区 in 常青街道, supervised by 吴某 of 爱邻); the rating
 * rows at 加侨飞扬 (org_jiaqiao, 蜀山经开区, supervised by 沈某强 of 实创, its 2022 evaluation with the panel).
 * Each column has the caller at its boundary (outside the scope) and, where §9.2 grants something, the one inside.
 */
const WHO = {
  FA: CAST.federationAdmin,
  SS_CQ: CAST.streetStaffChangqing,
  CS_ZX: actor("SS/CS", "community staff of 竹西社区", { sub: "per_t_cs", roles: ["CS"], areaCodes: ["340111X01C01"] }),
  // 孙某婷 chairs the 蜀山经开区 pilot panel (rating.seed): staff in scope of 加侨飞扬, outside 常青街道
  SS_SJK: actor("SS/CS", "street staff of 蜀山经开区", { sub: "per_sjk_staff", roles: ["SS"], areaCodes: ["340104Z01"] }),
  CS_SLY: actor("SS/CS", "community staff of 蜀麓苑社区", { sub: "per_t_cs_sly", roles: ["CS"], areaCodes: ["340104Z01C01"] }),
  SS_NO_SUB: actor("SS/CS", "street staff of 常青街道 with a token without sub", { roles: ["SS"], areaCodes: ["340111X01"] }),
  SS_MEMBER: actor("SS/CS", "street staff of 常青街道 who is a member of 竹西社区邻里互助队", { sub: "per_cqq1_03", roles: ["SS"], areaCodes: ["340111X01"] }),
  SUP_WU: actor("SUP", "supervisor assigned to 乐竹邻 (吴某)", { sub: "per_wu_supervisor", roles: ["SUP"], orgIds: ["org_ailin", "org_lezhulin"] }),
  SUP_SHEN: actor("SUP", "supervisor assigned to 加侨飞扬 (沈某强)", { sub: "per_shen_worker", roles: ["SUP"], orgIds: ["org_shichuang", "org_jiaqiao"] }),
  OL_ZHANG: CAST.leaderOfLezhulin,
  OL_LIU: CAST.leaderOfJiaqiao,
  OM_LZL: actor("OM", "OM of 乐竹邻 (陈某兰)", { sub: "per_lzl_m01", roles: ["OM"], orgIds: ["org_lezhulin"] }),
  OM_JQ: actor("OM", "OM of 加侨飞扬 (杨某)", { sub: "per_jq_m01", roles: ["OM"], orgIds: ["org_jiaqiao"] }),
  AC: CAST.academyStaffElsewhere,
  RV: CAST.reviewerOfNothing,
  PO: actor("PO", "PO of another programme", { sub: "per_t_po", roles: ["PO"], programIds: ["prg_t_other"] }),
  VA: actor("VA", "VA of another facility", { sub: "per_t_va", roles: ["VA"], facilityIds: ["fac_t_other"] }),
  PT: CAST.anonymousPartner,
  // issue 10: "readable by any signed-in non-partner (a VA token, a token with only sub)"; no role, so no column of
  // its own: it must get no more than the partner
  NOBODY: actor("PT", "signed-in person without a role (token with only sub)", { sub: "per_t_nobody", roles: [] }),
};

/** Callers who must get the partner's view of a row (masked or nothing) whatever the row is about. */
const OUTSIDERS = [WHO.AC, WHO.RV, WHO.PO, WHO.VA, WHO.PT, WHO.NOBODY];

const probe = (as: Actor, does: string, query: string, expectation: Expectation, more: Partial<Probe> = {}): Probe => ({ as, does, query, expect: expectation, ...more });
const allowed = (check?: (data: any) => void): Expectation => ({ outcome: "allowed", check });
const limited = (check: (data: any) => void): Expectation => ({ outcome: "limited", check });
const refused = (code?: string | string[]): Expectation => ({ outcome: "refused", code, check: (data) => expect(data ?? null).toBeNull() });
/** A staff action without a person: the subgraph's FORBIDDEN, or the gateway's UNAUTHENTICATED once it refuses such tokens. */
const refusedWithoutPerson = refused(["FORBIDDEN", "UNAUTHENTICATED"]);

const PERSON = `fragment P on Person { id displayName fullName phone birthYear }`;

/** §9.3 Person rendering: `clear` lists the personal fields shown in clear; the others are null, the name masked. */
function rendered(person: any, fullName: string, masked: string, phone: string, birthYear: number, clear: ("name" | "phone" | "birthYear")[]) {
  expect(person).toMatchObject({
    displayName: clear.includes("name") ? fullName : masked,
    fullName: clear.includes("name") ? fullName : null,
    phone: clear.includes("phone") ? phone : null,
    birthYear: clear.includes("birthYear") ? birthYear : null,
  });
}
const ZHANG = (person: any, ...clear: ("name" | "phone" | "birthYear")[]) => rendered(person, "张某琴", "张*琴", "100-0000-0001", 1956, clear);
const CHEN = (person: any, ...clear: ("name" | "phone" | "birthYear")[]) => rendered(person, "陈某兰", "陈*兰", "100-0000-0102", 1954, clear);

const YEAR_2021 = `{ from: "2021-01-01", to: "2021-12-31" }`;

// ─── Org public profile ─────────────────────────────────────────────────────────────────────────────────────────
// Reads: public for every column. Writes: the only write of profile fields is the street's sheet import
// (importFiledOrganizations), run as a dry run so nothing changes; FA and SS of the street may, nobody else.
// Safer readings: §9.2 gives CS "W s" and OL "W own (non-legal fields)", but no API edits a profile field for them
// yet, and the import is the filing authority's (street staff): CS and OL are refused it.

const PROFILE = `{ organization(id: "org_lezhulin") {
  id name category legalForm homeArea { code } memberCount currentRating { stars }
  serviceStats(period: ${YEAR_2021}) { serviceEvents volunteerHours }
  leader { person { displayName } }
} }`;
const publicProfile = allowed((data) =>
  expect(data.organization).toEqual({
    id: "org_lezhulin", name: "乐竹邻志愿服务队", category: "HARDSHIP_ASSISTANCE", legalForm: "FILED", homeArea: { code: "340111X01C01" }, memberCount: 21,
    currentRating: null, serviceStats: { serviceEvents: 86, volunteerHours: "1629.5" },
    leader: { person: { displayName: expect.stringMatching(/^张(某|\*)琴$/) } },
  }),
);
const IMPORT = `mutation { importFiledOrganizations(streetCode: "340111X01", dryRun: true, rows: [{ filingNo: "CQ-BA-2019-0087", name: "乐竹邻志愿服务队(改)" }]) {
  dryRun written rows { action organization { id } }
} }`;
const dryRunImport = allowed((data) => expect(data.importFiledOrganizations).toMatchObject({ dryRun: true, written: false, rows: [{ action: "UPDATE", organization: { id: "org_lezhulin" } }] }));
const nameUnchanged: Afterwards = { as: WHO.FA, query: `{ organization(id: "org_lezhulin") { name } }`, check: (data) => expect(data.organization.name).toBe("乐竹邻志愿服务队") };

const profileRow: MatrixRow = {
  data: "Org public profile",
  probes: [
    ...Object.values(WHO)
      .filter((as) => as !== WHO.SS_NO_SUB)
      .map((as) => probe(as, "reads 乐竹邻's public profile", PROFILE, publicProfile)),
    // a staff token must name its person (the separation-of-duty checks need one): the gateway refuses it outright
    probe(WHO.SS_NO_SUB, "reads 乐竹邻's public profile", PROFILE, { outcome: "refused", code: "UNAUTHENTICATED" }),
    probe(WHO.FA, "dry-runs the street's sheet import", IMPORT, dryRunImport, { afterwards: nameUnchanged }),
    probe(WHO.SS_CQ, "dry-runs the street's sheet import", IMPORT, dryRunImport, { afterwards: nameUnchanged }),
    probe(WHO.SS_NO_SUB, "dry-runs the street's sheet import", IMPORT, refusedWithoutPerson),
    ...[WHO.SS_SJK, WHO.CS_ZX, WHO.SUP_WU, WHO.OL_ZHANG, WHO.OM_LZL, ...OUTSIDERS].map((as) => probe(as, "imports the street's sheet", IMPORT, refused(), { afterwards: nameUnchanged })),
  ],
};

// ─── Member roster and member personal data ─────────────────────────────────────────────────────────────────────
// Reads (§9.2 + §9.3): FA R (names, no phone or age); SS/CS R s and the assigned SUP R s (name, phone, birth year);
// OL own R W (name and phone); OM own R (their own data in clear, the others masked). Everyone else sees the public
// part: the count and the leader, masked (张*琴, the partner directory shows the leader).
// Safer readings: AC "R (enrolled only)", PO "R (contact person only)" and VA "R (booking contact only)" are not
// served here (the roster does not know enrolments, grants or bookings): they see the public part only.
// Writes: only the OL of the organization changes roles or ends memberships (SS/CS used to: the leak of issue 10); a
// member may still end their own membership (their own record), never another's.

const ROSTER = `{ organization(id: "org_lezhulin") {
  memberCount
  leader { person { ...P } }
  backbone { id }
  members(first: 100) { totalCount nodes { role person { ...P } } }
} } ${PERSON}`;
const member = (data: any, personId: string) => data.organization.members.nodes.find((m: any) => m.person.id === personId)?.person;
const publicRoster = limited((data) => {
  expect(data.organization).toMatchObject({ memberCount: 21, backbone: [], members: { totalCount: 0, nodes: [] } });
  ZHANG(data.organization.leader.person);
});
const fullRoster = (check: (data: any) => void) =>
  allowed((data) => {
    expect(data.organization.members.totalCount).toBe(21);
    expect(data.organization.backbone).toHaveLength(3);
    check(data);
  });

const CHANGE_ROLE = `mutation($id: ID!, $role: MemberRole!) { changeMemberRole(membershipId: $id, role: $role) { role active person { id } } }`;
const LEAVE = `mutation($id: ID!) { leaveOrganization(membershipId: $id) { leftOn } }`;
// 韩某 (per_lzl_m16) is the member the refused writes aim at; 曹某芳 (per_lzl_m17) the one the leader moves
const m16StillMember: Afterwards = {
  as: WHO.FA,
  query: `{ organization(id: "org_lezhulin") { memberCount members(roles: [MEMBER], first: 100) { nodes { person { id } } } } }`,
  check: (data) => {
    expect(data.organization.memberCount).toBe(21);
    expect(data.organization.members.nodes.map((m: any) => m.person.id)).toContain("per_lzl_m16");
  },
};
const refusedRosterWrite = (as: Actor, write: "change" | "leave"): Probe =>
  write === "change"
    ? probe(as, "makes 韩某 BACKBONE", CHANGE_ROLE, refused(), { variables: { id: "mem_lzl_m16", role: "BACKBONE" }, afterwards: m16StillMember })
    : probe(as, "ends 韩某's membership", LEAVE, refused(), { variables: { id: "mem_lzl_m16" }, afterwards: m16StillMember });

const rosterRow: MatrixRow = {
  data: "Member roster and member personal data",
  probes: [
    probe(WHO.FA, "reads the roster", ROSTER, fullRoster((data) => ZHANG(data.organization.leader.person, "name"))),
    probe(WHO.SS_CQ, "reads the roster", ROSTER, fullRoster((data) => ZHANG(data.organization.leader.person, "name", "phone", "birthYear"))),
    probe(WHO.CS_ZX, "reads the roster", ROSTER, fullRoster((data) => ZHANG(data.organization.leader.person, "name", "phone", "birthYear"))),
    probe(WHO.SS_SJK, "reads the roster", ROSTER, publicRoster),
    probe(WHO.SUP_WU, "reads the roster", ROSTER, fullRoster((data) => CHEN(member(data, "per_lzl_m01"), "name", "phone", "birthYear"))),
    probe(WHO.SUP_SHEN, "reads the roster", ROSTER, publicRoster),
    probe(WHO.OL_ZHANG, "reads the roster", ROSTER, fullRoster((data) => CHEN(member(data, "per_lzl_m01"), "name", "phone"))),
    probe(WHO.OL_LIU, "reads the roster", ROSTER, publicRoster),
    probe(
      WHO.OM_LZL,
      "reads the roster",
      ROSTER,
      fullRoster((data) => {
        CHEN(member(data, "per_lzl_m01"), "name", "phone", "birthYear"); // themself
        ZHANG(data.organization.leader.person);
        rendered(member(data, "per_lzl_m02"), "赵某芬", "赵*芬", "", 0, []);
      }),
    ),
    probe(WHO.OM_JQ, "reads the roster", ROSTER, publicRoster),
    ...OUTSIDERS.map((as) => probe(as, "reads the roster", ROSTER, publicRoster)),
    // writes
    probe(WHO.OL_ZHANG, "makes 曹某芳 a VOLUNTEER", CHANGE_ROLE, allowed((data) => expect(data.changeMemberRole).toEqual({ role: "VOLUNTEER", active: true, person: { id: "per_lzl_m17" } })), {
      variables: { id: "mem_lzl_m17", role: "VOLUNTEER" },
      afterwards: {
        query: `{ organization(id: "org_lezhulin") { memberCount members(roles: [VOLUNTEER]) { nodes { person { id } } } } }`,
        check: (data) => expect(data.organization).toEqual({ memberCount: 21, members: { nodes: [{ person: { id: "per_lzl_m17" } }] } }),
      },
    }),
    refusedRosterWrite(WHO.SS_CQ, "change"),
    refusedRosterWrite(WHO.SS_CQ, "leave"),
    refusedRosterWrite(WHO.CS_ZX, "change"),
    refusedRosterWrite(WHO.CS_ZX, "leave"),
    refusedRosterWrite(WHO.FA, "change"),
    refusedRosterWrite(WHO.SUP_WU, "leave"),
    refusedRosterWrite(WHO.OL_LIU, "change"),
    refusedRosterWrite(WHO.OL_LIU, "leave"),
    refusedRosterWrite(WHO.OM_LZL, "change"),
    refusedRosterWrite(WHO.OM_LZL, "leave"),
    ...OUTSIDERS.map((as) => refusedRosterWrite(as, "change")),
  ],
};

// ─── Filing record and transitions ──────────────────────────────────────────────────────────────────────────────
// Reads: FA, SS/CS in scope, the assigned SUP and the OL own read the history and the charter; OM own, RV, PO, VA the
// status; PT whether it is filed and its number. Safer readings: SS/CS "R" is served as status for any organization
// and details only in scope; AC "—" as nothing beyond the partner's view (which is public); a filing without a number
// is null for PT, AC and callers without a role (§9.2 PT "filed yes/no").
// Transitions: SS in scope STREET_ACCEPT/APPROVE…, CS in scope only COMMUNITY_APPROVE, OL own SUBMIT; FA none (§8.1
// names no FA transition). Separation of duty: not by a staffer who is a member, nor by a staff token without a person.

const FILING = `{ organization(id: "org_lezhulin") { filing { status filingNo charterDocumentUrl events { to } } } }`;
const filingDetails = allowed((data) =>
  expect(data.organization.filing).toEqual({
    status: "FILED", filingNo: "CQ-BA-2019-0087", charterDocumentUrl: "https://docs.hub.example/charters/org_lezhulin.pdf",
    events: [{ to: "SUBMITTED" }, { to: "COMMUNITY_REVIEWED" }, { to: "STREET_REVIEW" }, { to: "FILED" }],
  }),
);
const filingStatusOnly = limited((data) => expect(data.organization.filing).toEqual({ status: "FILED", filingNo: "CQ-BA-2019-0087", charterDocumentUrl: null, events: [] }));
const QUEUED = `{ organization(id: "org_cq_queue_1") { filing { status filingNo } } }`;
const queuedStatus = limited((data) => expect(data.organization.filing).toEqual({ status: "COMMUNITY_REVIEWED", filingNo: null }));
const queuedHidden = limited((data) => expect(data.organization.filing).toBeNull());

const TRANSITION = `mutation($id: ID!, $action: FilingAction!) { transitionFiling(filingId: $id, action: $action, comment: "矩阵探针") { status } }`;
const queueUntouched: Afterwards = {
  as: WHO.FA,
  query: `{ organization(id: "org_cq_queue_1") { filing { status events { to } } } }`,
  check: (data) => expect(data.organization.filing).toEqual({ status: "COMMUNITY_REVIEWED", events: [{ to: "SUBMITTED" }, { to: "COMMUNITY_REVIEWED" }] }),
};
const accept = (as: Actor, expectation = refused()): Probe =>
  probe(as, "accepts 竹西社区邻里互助队's filing (STREET_ACCEPT)", TRANSITION, expectation, { variables: { id: "fil_cq_0256", action: "STREET_ACCEPT" }, afterwards: queueUntouched });
const lezhulinStillFiled: Afterwards = { as: WHO.FA, query: `{ organization(id: "org_lezhulin") { filing { status events { to } } } }`, check: (data) => expect(data.organization.filing.events).toHaveLength(4) };
const submit = (as: Actor, expectation: Expectation): Probe =>
  probe(as, "submits 乐竹邻's filing", TRANSITION, expectation, { variables: { id: "fil_lezhulin", action: "SUBMIT" }, afterwards: lezhulinStillFiled });

const filingRow: MatrixRow = {
  data: "Filing record and transitions",
  probes: [
    ...[WHO.FA, WHO.SS_CQ, WHO.CS_ZX, WHO.SUP_WU, WHO.OL_ZHANG].map((as) => probe(as, "reads 乐竹邻's filing with its history", FILING, filingDetails)),
    ...[WHO.SS_SJK, WHO.SUP_SHEN, WHO.OL_LIU, WHO.OM_LZL, WHO.OM_JQ, ...OUTSIDERS].map((as) => probe(as, "reads 乐竹邻's filing", FILING, filingStatusOnly)),
    ...[WHO.FA, WHO.SS_SJK, WHO.OL_LIU, WHO.RV, WHO.PO, WHO.VA].map((as) => probe(as, "reads a queued filing", QUEUED, queuedStatus)),
    ...[WHO.SUP_WU, WHO.OM_JQ, WHO.AC, WHO.PT, WHO.NOBODY].map((as) => probe(as, "reads a queued filing", QUEUED, queuedHidden)),
    // transitions
    probe(WHO.SS_CQ, "accepts 竹西社区书画社's filing (STREET_ACCEPT)", TRANSITION, allowed((data) => expect(data.transitionFiling.status).toBe("STREET_REVIEW")), {
      variables: { id: "fil_cq_0257", action: "STREET_ACCEPT" },
      afterwards: { query: `{ organization(id: "org_cq_queue_2") { filing { status } } }`, check: (data) => expect(data.organization.filing.status).toBe("STREET_REVIEW") },
    }),
    { ...accept(WHO.SS_NO_SUB), expect: refusedWithoutPerson },
    accept(WHO.SS_MEMBER),
    accept(WHO.SS_SJK),
    accept(WHO.CS_ZX),
    accept(WHO.FA),
    accept(WHO.SUP_WU),
    // authorized, but 乐竹邻 is FILED: the CONFLICT shows the OL may take SUBMIT on its own filing
    submit(WHO.OL_ZHANG, refused("CONFLICT")),
    submit(WHO.OL_LIU, refused()),
    submit(WHO.OM_LZL, refused()),
    accept(WHO.OM_JQ),
    ...OUTSIDERS.map((as) => accept(as)),
  ],
};

// ─── Leader-dependency signal ───────────────────────────────────────────────────────────────────────────────────
// FA, SS/CS in scope, the assigned SUP and the OL own see level and factors; AC, RV, PO the level only; nobody else.
// A list filtered by level reveals the level of what it lists: SS/CS get their subtrees only, SUP their assigned
// organizations (it listed every organization at that level: the leak of issue 10); OL, OM, VA, PT may not filter.

const SIGNAL = `{ organization(id: "org_lezhulin") { leaderDependency { level factors { code } } } }`;
const fullSignal = allowed((data) => {
  expect(data.organization.leaderDependency.level).toBe("LOW");
  expect(data.organization.leaderDependency.factors.length).toBeGreaterThan(0);
});
const levelOnly = limited((data) => expect(data.organization.leaderDependency).toEqual({ level: "LOW", factors: [] }));
const noSignal = limited((data) => expect(data.organization.leaderDependency).toBeNull());
const FILTER = `{ organizations(filter: { leaderDependency: [LOW, MEDIUM, HIGH] }, first: 100) { nodes { id } } }`;
const listed = (data: any) => data.organizations.nodes.map((o: any) => o.id);
const filterListsAll = allowed((data) => expect(listed(data)).toEqual(expect.arrayContaining(["org_lezhulin", "org_jiaqiao", "org_tl_dance"])));
const filterListsOnly = (ids: string[]) => limited((data) => expect(listed(data).sort()).toEqual([...ids].sort()));

const dependencyRow: MatrixRow = {
  data: "Leader-dependency signal",
  probes: [
    ...[WHO.FA, WHO.SS_CQ, WHO.CS_ZX, WHO.SUP_WU, WHO.OL_ZHANG].map((as) => probe(as, "reads 乐竹邻's signal", SIGNAL, fullSignal)),
    ...[WHO.AC, WHO.RV, WHO.PO].map((as) => probe(as, "reads 乐竹邻's signal", SIGNAL, levelOnly)),
    ...[WHO.SS_SJK, WHO.SUP_SHEN, WHO.OL_LIU, WHO.OM_LZL, WHO.OM_JQ, WHO.VA, WHO.PT, WHO.NOBODY].map((as) => probe(as, "reads 乐竹邻's signal", SIGNAL, noSignal)),
    ...[WHO.FA, WHO.AC, WHO.RV, WHO.PO].map((as) => probe(as, "filters the directory by level", FILTER, filterListsAll)),
    probe(WHO.SS_CQ, "filters the directory by level", FILTER, filterListsOnly(["org_lezhulin", "org_cq_queue_1", "org_cq_queue_2", "org_cq_queue_3"])),
    probe(WHO.SS_SJK, "filters the directory by level", FILTER, filterListsOnly(["org_jiaqiao", "org_sjk_fed"])),
    probe(WHO.SUP_WU, "filters the directory by level", FILTER, filterListsOnly(["org_ailin", "org_lezhulin"])),
    probe(WHO.SUP_SHEN, "filters the directory by level", FILTER, filterListsOnly(["org_shichuang", "org_jiaqiao"])),
    ...[WHO.OL_ZHANG, WHO.OM_LZL, WHO.VA, WHO.PT, WHO.NOBODY].map((as) => probe(as, "filters the directory by level", FILTER, refused())),
  ],
};

// ─── Supervision visits and notes ───────────────────────────────────────────────────────────────────────────────
// FA and SS/CS in scope: the assignment with a summary of the notes; the assigned SUP (and its agency): everything,
// and records visits; the OL own: the assignment with shared notes only. OM, AC, RV, PO, VA, PT and callers without a
// role: nothing, not even that an assignment exists (any signed-in non-partner used to see it: the leak of issue 10).

const SUPERVISION = `{ organization(id: "org_lezhulin") { supervision { id visits(last: 3) { date notes } } } }`;
const PRIVATE_JUNE = "入户探访预案:按高龄老人风险分级安排探访频次,独居老人每周一次。探访名单由社区提供,不外传。";
const notesOf = (data: any) => data.organization.supervision[0].visits.map((v: any) => v.notes);
const fullNotes = allowed((data) => {
  expect(data.organization.supervision.map((a: any) => a.id)).toEqual(["sup_wu_lezhulin"]);
  expect(notesOf(data)[1]).toBe(PRIVATE_JUNE);
});
const summaries = allowed((data) => {
  expect(data.organization.supervision.map((a: any) => a.id)).toEqual(["sup_wu_lezhulin"]);
  expect(notesOf(data)).toEqual([expect.stringMatching(/…$/), "入户探访预案:按高龄老人风险分级安排探访频次,独居老人每周一次。…", expect.stringMatching(/…$/)]);
});
const sharedOnly = allowed((data) => {
  const notes = notesOf(data);
  expect(notes[1]).toBeNull(); // June's plan was not shared with the leader
  expect(notes[0]).toMatch(/^与副队长商定骨干轮值/);
});
const noSupervision = limited((data) => expect(data.organization.supervision).toEqual([]));

const RECORD_VISIT = `mutation($date: Date!) { recordSupervisionVisit(assignmentId: "sup_wu_lezhulin", date: $date, type: DEBRIEF, notes: "矩阵探针") { date notes } }`;
const noVisitOn1March: Afterwards = {
  as: WHO.SUP_WU,
  query: `{ organization(id: "org_lezhulin") { supervision { visits(last: 100) { date } } } }`,
  check: (data) => expect(data.organization.supervision[0].visits.map((v: any) => v.date)).not.toContain("2022-03-01"),
};
const refusedVisit = (as: Actor, expectation = refused()): Probe => probe(as, "records a visit to 乐竹邻", RECORD_VISIT, expectation, { variables: { date: "2022-03-01" }, afterwards: noVisitOn1March });

const supervisionRow: MatrixRow = {
  data: "Supervision visits and notes",
  probes: [
    probe(WHO.FA, "reads 乐竹邻's supervision", SUPERVISION, summaries),
    probe(WHO.SS_CQ, "reads 乐竹邻's supervision", SUPERVISION, summaries),
    probe(WHO.CS_ZX, "reads 乐竹邻's supervision", SUPERVISION, summaries),
    probe(WHO.SUP_WU, "reads 乐竹邻's supervision", SUPERVISION, fullNotes),
    probe(WHO.OL_ZHANG, "reads 乐竹邻's supervision", SUPERVISION, sharedOnly),
    ...[WHO.SS_SJK, WHO.SUP_SHEN, WHO.OL_LIU, WHO.OM_LZL, WHO.OM_JQ, ...OUTSIDERS].map((as) => probe(as, "reads 乐竹邻's supervision", SUPERVISION, noSupervision)),
    // the supervisor's person id without the SUP role is not the supervisor
    probe(actor("PT", "吴某's person id without a role", { sub: "per_wu_supervisor", roles: [] }), "reads 乐竹邻's supervision", SUPERVISION, noSupervision),
    // writes
    ...[WHO.FA, WHO.SS_CQ, WHO.SUP_SHEN, WHO.OL_ZHANG, WHO.OM_LZL, ...OUTSIDERS].map((as) => refusedVisit(as)),
    refusedVisit(actor("PT", "吴某's person id without a role", { sub: "per_wu_supervisor", roles: [] })),
    probe(WHO.SUP_WU, "records a visit to 乐竹邻", RECORD_VISIT, allowed((data) => expect(data.recordSupervisionVisit).toEqual({ date: "2022-03-10", notes: "矩阵探针" })), {
      variables: { date: "2022-03-10" },
      afterwards: { query: SUPERVISION, check: (data) => expect(data.organization.supervision[0].visits.at(-1)).toEqual({ date: "2022-03-10", notes: "矩阵探针" }) },
    }),
  ],
};

// ─── Rating evaluation in progress ──────────────────────────────────────────────────────────────────────────────
// 加侨飞扬's 2022 evaluation is PANEL_SCORING. Readers: FA, SS/CS in scope, its SUP, its OL, the panelists. Writes:
// FA and SS in scope run the cycle (A), a panelist scores (SS "W if panelist"), the SUP confirms evidence, the OL
// self-assesses. A step the state does not allow answers CONFLICT: that shows the caller passed authorization.
// Separation of duty: 沈某强 sits on the panel but supervises the team, so his scores are refused.

const IN_PROGRESS = `{
  organization(id: "org_jiaqiao") { ratingHistory { id } }
  ratingEvaluations(areaCode: "340104Z01", cycle: 2022) { id status }
}`;
const seesInProgress = allowed((data) => {
  expect(data.organization.ratingHistory.map((e: any) => e.id)).toContain("rat_2022_jiaqiao");
  expect(data.ratingEvaluations).toEqual([{ id: "rat_2022_jiaqiao", status: "PANEL_SCORING" }]);
});
const settledOnly = limited((data) => {
  expect(data.organization.ratingHistory.map((e: any) => e.id)).toEqual(["rat_2021_jiaqiao"]);
  expect(data.ratingEvaluations).toEqual([]);
});

const SCORE = `mutation($indicator: String!, $score: Float!) { submitRatingScores(evaluationId: "rat_2022_jiaqiao", scores: [{ indicator: $indicator, score: $score }]) { id totalScore } }`;
const noOpsScore: Afterwards = {
  as: WHO.FA,
  query: `{ ratingEvaluations(areaCode: "340104Z01", cycle: 2022) { status indicatorScores { indicator } } }`,
  check: (data) => {
    expect(data.ratingEvaluations[0].status).toBe("PANEL_SCORING");
    expect(data.ratingEvaluations[0].indicatorScores.map((s: any) => s.indicator)).not.toContain("OPS");
  },
};
const refusedScore = (as: Actor): Probe => probe(as, "scores OPS on the 2022 evaluation", SCORE, refused(), { variables: { indicator: "OPS", score: 1 }, afterwards: noOpsScore });
const RATING_STEP = `mutation($action: RatingAction!) { transitionRating(evaluationId: "rat_2022_jiaqiao", action: $action) { status } }`;
const step = (as: Actor, action: string, expectation: Expectation): Probe =>
  probe(as, `takes ${action} on the 2022 evaluation`, RATING_STEP, expectation, { variables: { action }, afterwards: noOpsScore });

const ratingInProgressRow: MatrixRow = {
  data: "Rating evaluation in progress",
  probes: [
    ...[WHO.FA, WHO.SS_SJK, WHO.CS_SLY, WHO.SUP_SHEN, WHO.OL_LIU].map((as) => probe(as, "reads 加侨飞扬's 2022 evaluation", IN_PROGRESS, seesInProgress)),
    ...[WHO.SS_CQ, WHO.SUP_WU, WHO.OL_ZHANG, WHO.OM_JQ, WHO.OM_LZL, ...OUTSIDERS].map((as) => probe(as, "reads 加侨飞扬's 2022 evaluation", IN_PROGRESS, settledOnly)),
    // writes
    probe(WHO.SS_SJK, "scores GOV on the 2022 evaluation as a panelist", SCORE, allowed((data) => expect(data.submitRatingScores).toEqual({ id: "rat_2022_jiaqiao", totalScore: 16 })), {
      variables: { indicator: "GOV", score: 16 },
    }),
    refusedScore(WHO.SUP_SHEN), // a panelist who supervises the team must recuse
    refusedScore(WHO.FA),
    refusedScore(WHO.SS_CQ),
    refusedScore(WHO.OL_LIU),
    refusedScore(WHO.OM_JQ),
    ...OUTSIDERS.map(refusedScore),
    step(WHO.FA, "START_PANEL", refused("CONFLICT")),
    step(WHO.SS_SJK, "START_PANEL", refused("CONFLICT")),
    step(WHO.SS_CQ, "START_PANEL", refused()),
    step(WHO.CS_SLY, "START_PANEL", refused()), // the panel steps are FA's and street staff's (§8.5)
    step(WHO.SUP_SHEN, "SUPERVISOR_CONFIRM", refused("CONFLICT")),
    step(WHO.SUP_WU, "SUPERVISOR_CONFIRM", refused()),
    step(WHO.OL_LIU, "SUBMIT_SELF", refused("CONFLICT")),
    step(WHO.OL_ZHANG, "SUBMIT_SELF", refused()),
    step(WHO.OM_JQ, "SUBMIT_SELF", refused()),
    ...OUTSIDERS.map((as) => step(as, "START_PANEL", refused())),
  ],
};

// ─── Rating final result ────────────────────────────────────────────────────────────────────────────────────────

const FINAL_RATING = `{ organization(id: "org_jiaqiao") { currentRating { stars cycle } } }`;

const finalRatingRow: MatrixRow = {
  data: "Rating final result",
  probes: [
    ...everyone({
      does: "reads 加侨悦山's final pilot rating",
      query: FINAL_RATING,
      expect: { outcome: "allowed", check: (data) => expect(data.organization.currentRating).toEqual({ stars: "THREE", cycle: 2021 }) },
    }),
    probe(WHO.NOBODY, "reads 加侨悦山's final pilot rating", FINAL_RATING, allowed((data) => expect(data.organization.currentRating).toEqual({ stars: "THREE", cycle: 2021 }))),
  ],
};

// ─── Service activities ─────────────────────────────────────────────────────────────────────────────────────────
// Records: FA R; SS/CS R s; the assigned SUP R and verifies; OL own R W; OM own R. RV and PT get aggregates
// (serviceStats is public); AC, VA nothing. Safer readings: SUP "R, A s" is served as R s (records name volunteers);
// PO "R (linked to own grants)" is not served (organizations cannot tell a programme's grants): PO gets aggregates.
// Writes: only the OL records (members used to as well; §9.2 gives OM R own). The allowed record is UNVERIFIED, so
// no total changes; the refused ones aim at 2022-03-09 and must leave that day empty.

const ACTIVITIES = `{ organization(id: "org_lezhulin") {
  serviceStats(period: ${YEAR_2021}) { serviceEvents beneficiaryVisits volunteerHours }
  activities(period: ${YEAR_2021}, first: 1) { totalCount nodes { id verification } }
} }`;
const aggregates = { serviceEvents: 86, beneficiaryVisits: 1567, volunteerHours: "1629.5" };
const records = allowed((data) => expect(data.organization).toEqual({ serviceStats: aggregates, activities: { totalCount: 86, nodes: [{ id: "act_lzl_2021_001", verification: "SUPERVISOR_VERIFIED" }] } }));
const aggregatesOnly = limited((data) => expect(data.organization).toEqual({ serviceStats: aggregates, activities: { totalCount: 0, nodes: [] } }));

const RECORD = `mutation($input: RecordServiceActivityInput!) { recordServiceActivity(input: $input) { verification volunteerMinutes organization { id } } }`;
const meeting = (day: string) => ({
  organizationId: "org_lezhulin", title: "矩阵探针:骨干例会", type: "MEETING", areaCode: "340111X01C01", beneficiaryVisits: 0,
  startsAt: `${day}T14:00:00+08:00`, endsAt: `${day}T15:00:00+08:00`, volunteerLines: [{ personId: "per_zhang_leader", minutes: 60 }],
});
const onDay = (day: string) => `{ organization(id: "org_lezhulin") { activities(period: { from: "${day}", to: "${day}" }) { totalCount } } }`;
const nothingOn9March: Afterwards = { as: WHO.FA, query: onDay("2022-03-09"), check: (data) => expect(data.organization.activities.totalCount).toBe(0) };
const refusedRecord = (as: Actor): Probe => probe(as, "records an activity of 乐竹邻", RECORD, refused(), { variables: { input: meeting("2022-03-09") }, afterwards: nothingOn9March });
const VERIFY = `mutation { verifyServiceActivity(id: "act_lzl_2021_001", status: SUPERVISOR_VERIFIED) { verification } }`;

const activitiesRow: MatrixRow = {
  data: "Service activities",
  probes: [
    ...[WHO.FA, WHO.SS_CQ, WHO.CS_ZX, WHO.SUP_WU, WHO.OL_ZHANG, WHO.OM_LZL].map((as) => probe(as, "reads 乐竹邻's 2021 records", ACTIVITIES, records)),
    ...[WHO.SS_SJK, WHO.SUP_SHEN, WHO.OL_LIU, WHO.OM_JQ, ...OUTSIDERS].map((as) => probe(as, "reads 乐竹邻's 2021 records", ACTIVITIES, aggregatesOnly)),
    // writes
    probe(WHO.OL_ZHANG, "records an activity of 乐竹邻", RECORD, allowed((data) => expect(data.recordServiceActivity).toEqual({ verification: "UNVERIFIED", volunteerMinutes: 60, organization: { id: "org_lezhulin" } })), {
      variables: { input: meeting("2022-03-10") },
      afterwards: { query: onDay("2022-03-10"), check: (data) => expect(data.organization.activities.totalCount).toBe(1) },
    }),
    ...[WHO.FA, WHO.SS_CQ, WHO.CS_ZX, WHO.SUP_WU, WHO.OL_LIU, WHO.OM_LZL, WHO.OM_JQ, ...OUTSIDERS].map(refusedRecord),
    // the assigned supervisor may verify (the record is verified already: CONFLICT, past authorization); no one else
    probe(WHO.SUP_WU, "verifies a 乐竹邻 record", VERIFY, refused("CONFLICT")),
    ...[WHO.SUP_SHEN, WHO.SS_CQ, WHO.FA, WHO.OL_LIU, ...OUTSIDERS].map((as) => probe(as, "verifies a 乐竹邻 record", VERIFY, refused())),
  ],
};

// ─── Volunteer-hour lines (per person) ──────────────────────────────────────────────────────────────────────────
// 乐竹邻's first 2021 round (act_lzl_2021_001, 7 volunteers × 150 min). Lines with names in clear: SS/CS s, the
// assigned SUP, the OL own; the OM own sees their own line (+ correction request). Safer reading: FA and PO "M" are
// served as the activity's total minutes without per-person lines (a line with a masked name still says who served
// when, and FA reads names in clear elsewhere, §9.3). Refused corrections leave the record as it was. A correction the
// matrix could afford is not probed here: it would supersede a demo record that grant totals count (see
// test/integration/organizations/activities.test.ts for the member's correction).

const LINES = `{ organization(id: "org_lezhulin") { activities(period: { from: "2021-01-05", to: "2021-01-05" }) {
  nodes { id volunteerMinutes volunteerLines { minutes person { ...P } } }
} } } ${PERSON}`;
const round = (data: any) => data.organization.activities.nodes[0];
const allLines = allowed((data) => {
  expect(round(data)).toMatchObject({ id: "act_lzl_2021_001", volunteerMinutes: 1050 });
  expect(round(data).volunteerLines).toHaveLength(7);
  CHEN(round(data).volunteerLines.find((l: any) => l.person.id === "per_lzl_m01").person, "name", "phone"); // OL own: no age (§9.3)
});
const allLinesWithAges = allowed((data) => {
  expect(round(data).volunteerLines).toHaveLength(7);
  CHEN(round(data).volunteerLines.find((l: any) => l.person.id === "per_lzl_m01").person, "name", "phone", "birthYear");
});
const ownLine = limited((data) => {
  expect(round(data).volunteerLines).toHaveLength(1);
  expect(round(data).volunteerLines[0].minutes).toBe(150);
  CHEN(round(data).volunteerLines[0].person, "name", "phone", "birthYear");
});
const totalOnly = limited((data) => expect(round(data)).toEqual({ id: "act_lzl_2021_001", volunteerMinutes: 1050, volunteerLines: [] }));
const noRecord = limited((data) => expect(data.organization.activities.nodes).toEqual([]));

const CORRECT = `mutation($input: RecordServiceActivityInput!) { correctServiceActivity(id: "act_lzl_2021_001", input: $input, reason: "矩阵探针") { id } }`;
const roundUnchanged: Afterwards = { as: WHO.FA, query: LINES, check: (data) => expect(round(data)).toMatchObject({ id: "act_lzl_2021_001", volunteerMinutes: 1050 }) };
const refusedCorrection = (as: Actor): Probe =>
  probe(as, "corrects 乐竹邻's first round", CORRECT, refused(), {
    variables: { input: { ...meeting("2021-01-05"), title: "一对一入户探访(第1轮)", type: "HOME_VISIT", startsAt: "2021-01-05T09:00:00+08:00", endsAt: "2021-01-05T11:30:00+08:00" } },
    afterwards: roundUnchanged,
  });

const linesRow: MatrixRow = {
  data: "Volunteer-hour lines (per person)",
  probes: [
    probe(WHO.FA, "reads the round's volunteer lines", LINES, totalOnly),
    probe(WHO.SS_CQ, "reads the round's volunteer lines", LINES, allLinesWithAges),
    probe(WHO.CS_ZX, "reads the round's volunteer lines", LINES, allLinesWithAges),
    probe(WHO.SUP_WU, "reads the round's volunteer lines", LINES, allLinesWithAges),
    probe(WHO.OL_ZHANG, "reads the round's volunteer lines", LINES, allLines),
    probe(WHO.OM_LZL, "reads the round's volunteer lines", LINES, ownLine),
    ...[WHO.SS_SJK, WHO.SUP_SHEN, WHO.OL_LIU, WHO.OM_JQ, ...OUTSIDERS].map((as) => probe(as, "reads the round's volunteer lines", LINES, noRecord)),
    ...[WHO.FA, WHO.SS_CQ, WHO.SUP_SHEN, WHO.OL_LIU, WHO.OM_JQ, ...OUTSIDERS].map(refusedCorrection),
  ],
};

// ─── Beneficiary register (sensitive) ───────────────────────────────────────────────────────────────────────────
// Not in the schema: organizations serves neither BeneficiaryGroup nor BeneficiaryRecord (DOMAIN §3.4), and
// ServiceActivity has no beneficiaryGroup field. This row is a tripwire: every column gets a validation error today;
// the feature that adds the register must replace it with real probes (CS only for SS/CS, PT aggregates ≥ 5).

const REGISTER = `{ organization(id: "org_lezhulin") { beneficiaryGroups { label size } } }`;
const beneficiaryRow: MatrixRow = {
  data: "Beneficiary register (sensitive)",
  probes: [WHO.FA, WHO.CS_ZX, WHO.SUP_WU, WHO.OL_ZHANG, WHO.OM_LZL, WHO.AC, WHO.RV, WHO.PO, WHO.VA, WHO.PT].map((as) =>
    probe(as, "reads 乐竹邻's beneficiary groups (not in the schema)", REGISTER, refused("GRAPHQL_VALIDATION_FAILED")),
  ),
};

export const rows: MatrixRow[] = [profileRow, rosterRow, filingRow, dependencyRow, supervisionRow, ratingInProgressRow, finalRatingRow, activitiesRow, linesRow, beneficiaryRow];
