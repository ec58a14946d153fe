import { CAST } from "./cast";
import { Actor, MatrixRow, Probe } from "./matrix";

// The funding rows of DOMAIN §9.2 on the demo data (§10.6) at the demo's today, 2022-03-12:
// - call_cq_2022 (常青街道社区微创投, prog_cq_micro) is OPEN until 2022-03-31; 乐竹邻 (org_lezhulin) has SUBMITTED
//   app_cq2022_6080 to it, its project targeting 竹西社区 (340111X01C01, under 常青街道 340111X01);
// - call_cq_2021 is DECIDED: app_cq2021_6080 was AWARDED and became grant_cq2021_6080 (IN_PROGRESS).
// The rules are in subgraphs/funding/applications/application.policy.ts and grants/grant.policy.ts.
//
// Not probed because funding has none of it yet: "Reviews and scores" (no Review type, no myReviewAssignments), the
// tranches, evaluations and output reports of the grants row, and every write: funding has no mutation so far
// (no call or programme editing, no application submit, no submitReview, releaseTranche or submitOutputReport).
// Their probes belong here when they land: allowed writes on rows the test can afford to change, refused ones
// leaving no trace.

/** Callers at the boundary of each column; "own"/"in scope" ones are where §9.2 grants something. */
export const FUNDING_ACTORS = {
  FA: CAST.federationAdmin,
  SS_IN: { column: "SS/CS", who: "street staff of 常青街道 (the project's street)", token: { sub: "per_cq_street_clerk", roles: ["SS"], areaCodes: ["340111X01"] } },
  SS_OUT: { column: "SS/CS", who: "street staff of 蜀山经开区 (outside the applicant's area)", token: { sub: "per_sjk_staff", roles: ["SS"], areaCodes: ["340104Z01"] } },
  CS_OUT: { column: "SS/CS", who: "community staff of 蜀麓苑社区 (outside)", token: { sub: "per_t_cs", roles: ["CS"], areaCodes: ["340104Z01C01"] } },
  SUP_OWN: CAST.supervisorOfLezhulin,
  SUP_OTHER: { column: "SUP", who: "supervisor not assigned to 乐竹邻", token: { sub: "per_shen_worker", roles: ["SUP"], orgIds: ["org_jiaqiao"] } },
  OL_OWN: CAST.leaderOfLezhulin,
  OL_OTHER: CAST.leaderOfJiaqiao,
  OM_OWN: { column: "OM", who: "member of 乐竹邻", token: { sub: "per_lzl_bb2", roles: ["OM"], orgIds: ["org_lezhulin"] } },
  OM_OTHER: CAST.memberOfJiaqiao,
  AC: { column: "AC", who: "academy staff", token: { sub: "per_t_ac", roles: ["AC"], academyIds: ["acad_hf"] } },
  RV_ASSIGNED: { column: "RV", who: "reviewer assigned app_cq2022_6080", token: { sub: "per_t_rv", roles: ["RV"], applicationIds: ["app_cq2022_6080"] } },
  RV_OTHER: { column: "RV", who: "reviewer assigned nothing of 乐竹邻", token: { sub: "per_t_rv2", roles: ["RV"], applicationIds: ["app_sjk_qinlin_jq"] } },
  PO_OWN: { column: "PO", who: "officer of 常青街道社区微创投", token: { sub: "per_t_po", roles: ["PO"], programIds: ["prog_cq_micro"] } },
  PO_OTHER: { column: "PO", who: "PO of another programme", token: { sub: "per_t_po2", roles: ["PO"], programIds: ["prog_sjk_qinlin"] } },
  VA: { column: "VA", who: "venue admin of 竹西社区党群服务中心", token: { sub: "per_zx_admin", roles: ["VA"], facilityIds: ["fac_zx_center"] } },
  PT: CAST.anonymousPartner,
  PT_SIGNED: { column: "PT", who: "signed-in partner", token: { roles: ["PT"] } },
} satisfies Record<string, Actor>;

const A = FUNDING_ACTORS;
const probe = (as: Actor, does: string, query: string, expect: Probe["expect"]): Probe => ({ as, does, query, expect });

// ---------------------------------------------------------------- Programmes and calls: R for every column
// VA has "—" here while PT reads: a token cannot see less than an anonymous caller, so VA gets the public view.
const PROGRAMME_AND_CALL = `{
  call(id: "call_cq_2022") { title status budgetFen closesAt program { name maxAwardFen tranchePlan { seq percent condition } funder { name } } }
  programs(first: 10) { totalCount }
}`;
const readsProgrammes = {
  outcome: "allowed",
  check: (data: any) => {
    expect(data.call).toMatchObject({ title: "2022年常青街道社区微创投项目征集", status: "OPEN", budgetFen: 20_000_000, closesAt: "2022-03-31T17:00:00.000+08:00" });
    expect(data.call.program).toMatchObject({ name: "常青街道社区微创投", maxAwardFen: 2_000_000, funder: { name: "常青街道办事处" } });
    expect(data.call.program.tranchePlan.map((t: { percent: number }) => t.percent)).toEqual([50, 30, 20]);
    expect(data.programs.totalCount).toBe(5);
  },
} as const;

// ---------------------------------------------------------------- Applications
const OPEN_CALL_APPLICATIONS = `{ call(id: "call_cq_2022") { applications { totalCount nodes { id projectTitle status summary requestedFen plannedOutputs { serviceEvents } targetArea { code } } } } }`;
const readsSubmitted = {
  outcome: "allowed",
  check: (data: any) => {
    expect(data.call.applications.totalCount).toBe(1);
    expect(data.call.applications.nodes[0]).toMatchObject({ id: "app_cq2022_6080", status: "SUBMITTED", requestedFen: 2_000_000, plannedOutputs: { serviceEvents: 86 }, targetArea: { code: "340111X01C01" } });
    expect(data.call.applications.nodes[0].summary).toMatch(/^低龄老人服务高龄老人/);
  },
} as const;
const seesNoSubmitted = { outcome: "limited", check: (data: any) => expect(data.call.applications).toEqual({ totalCount: 0, nodes: [] }) } as const;

const AWARDED_TITLES = `{ call(id: "call_cq_2021") { applications { nodes { id projectTitle status applicantOrg { name } } } } }`;
const readsAwardedTitle = {
  outcome: "allowed",
  check: (data: any) => expect(data.call.applications.nodes).toEqual([{ id: "app_cq2021_6080", projectTitle: "六零系八零", status: "AWARDED", applicantOrg: { name: "乐竹邻志愿服务队" } }]),
} as const;
const AWARDED_DETAILS = `{ call(id: "call_cq_2021") { applications { nodes { id summary requestedFen } } } }`;
const readsAwardedDetails = {
  outcome: "allowed",
  check: (data: any) => expect(data.call.applications.nodes).toEqual([{ id: "app_cq2021_6080", summary: expect.stringMatching(/^低龄老人/), requestedFen: 2_000_000 }]),
} as const;
const detailsRefused = { outcome: "refused", check: (data: any) => expect(data?.call ?? null).toBeNull() } as const;

const ORG_APPLICATIONS = `{ organization(id: "org_lezhulin") { applications { id status } } }`;
const orgApplications = (ids: string[]) =>
  ({ outcome: ids.length === 3 ? "allowed" : "limited", check: (data: any) => expect(data.organization.applications.map((a: { id: string }) => a.id).sort()).toEqual(ids) }) as const;
const AWARDED_ONLY = ["app_cq2020_6080", "app_cq2021_6080"];
const ALL_THREE = ["app_cq2020_6080", "app_cq2021_6080", "app_cq2022_6080"];

// ---------------------------------------------------------------- Grants
// Local disclosure rule (grant.policy): programme, organization, period and the awarded amount are public; the
// agreement number, signing date and disbursed amount are not; the grantee's members read its status.
const GRANT_PUBLIC = `{ grant(id: "grant_cq2021_6080") { program { name } organization { name } periodFrom periodTo awardedFen application { projectTitle } } }`;
const readsGrantPublic = {
  outcome: "allowed",
  check: (data: any) =>
    expect(data.grant).toEqual({
      program: { name: "常青街道社区微创投" },
      organization: { name: "乐竹邻志愿服务队" },
      periodFrom: "2021-01-01",
      periodTo: "2021-12-31",
      awardedFen: 2_000_000,
      application: { projectTitle: "六零系八零" },
    }),
} as const;
const GRANT_FULL = `{ grant(id: "grant_cq2021_6080") { agreementNo signedOn disbursedFen status } }`;
const readsGrantFull = {
  outcome: "allowed",
  check: (data: any) => expect(data.grant).toEqual({ agreementNo: "CQWCT-2021-018", signedOn: "2020-12-28", disbursedFen: 1_600_000, status: "IN_PROGRESS" }),
} as const;
const grantRefused = { outcome: "refused", check: (data: any) => expect(data?.grant ?? null).toBeNull() } as const;
const GRANT_STATUS = `{ grant(id: "grant_cq2021_6080") { status } }`;
const IN_PROGRESS_GRANTS = `{ organization(id: "org_lezhulin") { grants(status: [IN_PROGRESS]) { id } } }`;

export const rows: MatrixRow[] = [
  {
    data: "Programmes and calls",
    probes: [A.FA, A.SS_OUT, A.SUP_OTHER, A.OL_OTHER, A.OM_OTHER, A.AC, A.RV_OTHER, A.PO_OTHER, A.VA, A.PT].map((as) => probe(as, "reads the 2022 call, its programme and the programme list", PROGRAMME_AND_CALL, readsProgrammes)),
  },
  {
    data: "Applications",
    probes: [
      // FA: R (after close)
      probe(A.FA, "lists the open call's submitted applications before it closes", OPEN_CALL_APPLICATIONS, seesNoSubmitted),
      probe(A.FA, "reads a closed call's application in full", AWARDED_DETAILS, readsAwardedDetails),
      // SS/CS: R s (scope: the project's target area; funding does not hold the applicant's home area yet)
      probe(A.SS_IN, "reads the submitted application of its street", OPEN_CALL_APPLICATIONS, readsSubmitted),
      probe(A.SS_OUT, "lists the open call's submitted applications", OPEN_CALL_APPLICATIONS, seesNoSubmitted),
      probe(A.CS_OUT, "reads the summary of an awarded application outside its area", AWARDED_DETAILS, detailsRefused),
      // SUP: R s
      probe(A.SUP_OWN, "reads its organization's submitted application", OPEN_CALL_APPLICATIONS, readsSubmitted),
      probe(A.SUP_OTHER, "lists the open call's submitted applications", OPEN_CALL_APPLICATIONS, seesNoSubmitted),
      // OL / OM: R own
      probe(A.OL_OWN, "reads its own submitted application", OPEN_CALL_APPLICATIONS, readsSubmitted),
      probe(A.OL_OWN, "lists its organization's applications", ORG_APPLICATIONS, orgApplications(ALL_THREE)),
      probe(A.OL_OTHER, "lists the open call's submitted applications", OPEN_CALL_APPLICATIONS, seesNoSubmitted),
      probe(A.OL_OTHER, "lists 乐竹邻's applications", ORG_APPLICATIONS, orgApplications(AWARDED_ONLY)),
      probe(A.OM_OWN, "reads its own organization's submitted application", OPEN_CALL_APPLICATIONS, readsSubmitted),
      probe(A.OM_OTHER, "reads the summary of another organization's awarded application", AWARDED_DETAILS, detailsRefused),
      // AC: — (the public view at most)
      probe(A.AC, "lists the open call's submitted applications", OPEN_CALL_APPLICATIONS, seesNoSubmitted),
      probe(A.AC, "reads the summary of an awarded application", AWARDED_DETAILS, detailsRefused),
      // RV: R (assigned; no field of an application holds the applicant's personal data yet, so nothing to minimize)
      probe(A.RV_ASSIGNED, "reads the application assigned to it", OPEN_CALL_APPLICATIONS, readsSubmitted),
      probe(A.RV_OTHER, "lists the open call's submitted applications", OPEN_CALL_APPLICATIONS, seesNoSubmitted),
      // PO: R A (of its programmes)
      probe(A.PO_OWN, "reads its programme's submitted application", OPEN_CALL_APPLICATIONS, readsSubmitted),
      probe(A.PO_OTHER, "lists another programme's submitted applications", OPEN_CALL_APPLICATIONS, seesNoSubmitted),
      // VA: —
      probe(A.VA, "lists the open call's submitted applications", OPEN_CALL_APPLICATIONS, seesNoSubmitted),
      // PT: R (titles of awarded projects: 挂榜)
      probe(A.PT, "lists the open call's submitted applications", OPEN_CALL_APPLICATIONS, seesNoSubmitted),
      probe(A.PT, "reads the awarded projects' titles (挂榜)", AWARDED_TITLES, readsAwardedTitle),
      probe(A.PT, "reads an awarded application's summary and requested amount", AWARDED_DETAILS, detailsRefused),
      probe(A.PT, "lists 乐竹邻's applications", ORG_APPLICATIONS, orgApplications(AWARDED_ONLY)),
      probe(A.PT_SIGNED, "reads an awarded application's summary and requested amount", AWARDED_DETAILS, detailsRefused),
    ],
  },
  {
    data: "Grants, tranches, evaluations, output reports",
    probes: [
      ...[A.FA, A.SS_IN, A.SUP_OWN, A.OL_OWN, A.RV_ASSIGNED, A.PO_OWN].map((as) => probe(as, "reads the grant's agreement, signing date, disbursement and status", GRANT_FULL, readsGrantFull)),
      ...[A.SS_OUT, A.CS_OUT, A.SUP_OTHER, A.OL_OTHER, A.OM_OWN, A.AC, A.RV_OTHER, A.PO_OTHER, A.VA, A.PT, A.PT_SIGNED].map((as) =>
        probe(as, "reads the grant's agreement, signing date, disbursement and status", GRANT_FULL, grantRefused),
      ),
      // OM: R own (summary): where the grant stands, not its agreement or payments
      probe(A.OM_OWN, "reads its own organization's grant status", GRANT_STATUS, { outcome: "allowed", check: (data) => expect(data.grant).toEqual({ status: "IN_PROGRESS" }) }),
      probe(A.OM_OTHER, "reads another organization's grant status", GRANT_STATUS, grantRefused),
      // PT: programme, org, period and (local rule) the awarded amount; the others read at least that
      ...[A.PT, A.PT_SIGNED, A.VA, A.AC, A.OM_OTHER, A.SS_OUT].map((as) => probe(as, "reads the grant's programme, organization, period and awarded amount", GRANT_PUBLIC, readsGrantPublic)),
      probe(A.PT, "lists 乐竹邻's grants that are IN_PROGRESS (would reveal the status)", IN_PROGRESS_GRANTS, { outcome: "limited", check: (data) => expect(data.organization.grants).toEqual([]) }),
      probe(A.OL_OWN, "lists its own grants that are IN_PROGRESS", IN_PROGRESS_GRANTS, { outcome: "allowed", check: (data) => expect(data.organization.grants).toEqual([{ id: "grant_cq2021_6080" }]) }),
    ],
  },
];
