import { pinClock } from "@kit/clock";
import { RunningSubgraph } from "@kit/server";
import { Claims } from "@platform/identity";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { Application, ApplicationStatus } from "@subgraphs/funding/applications";
import { CallStatus } from "@subgraphs/funding/calls";
import { FunderType } from "@subgraphs/funding/funders";
import { Grant, GrantStatus } from "@subgraphs/funding/grants";
import { ProgramType, TrancheCondition } from "@subgraphs/funding/programs";
import { fundingSubgraph } from "@subgraphs/funding/subgraph";
import { expectNoGrowth } from "@test/support/statements";
import { addTestApplication, addTestCall, addTestFunder, addTestGrant, addTestProgram, applicationRow, grantRow } from "./fixtures";

let subgraph: RunningSubgraph;

// The funding landscape of the test's own: a street office with a micro-venture (three yearly calls) and a service
// purchase; a zone bureau with two micro-ventures; a district bureau's venture philanthropy. A club won the street's
// 2020 and 2021 calls and applies again in 2022, continuing its 2021 grant; a neighbourhood team holds a zone grant.
const CLUB = "org_t_club";
const NEIGHBOURS = "org_t_neighbours";

// Who reads: the programme officer of the street's micro-venture reads its calls' applications in full, a federation
// admin every grant; the access rules themselves are tested under "who reads what" below.
const STREET_OFFICER: Partial<Claims> = { personId: "per_t_po", roles: ["PROGRAM_OFFICER"], programIds: ["prog_t_street_micro"] };
const ADMIN: Partial<Claims> = { personId: "per_t_fa", roles: ["FEDERATION_ADMIN"] };

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the 2022 calls are open
  subgraph = await startTestSubgraph(fundingSubgraph);
  const db = subgraph.db;
  const street = await addTestFunder(db, "street", { name: "测试街道办事处", type: FunderType.STREET_OFFICE, areaCode: "349901S01" });
  const zone = await addTestFunder(db, "zone", { name: "测试经开区社会事务局", type: FunderType.FUNCTIONAL_ZONE_BUREAU, areaCode: "349902Z01" });
  const district = await addTestFunder(db, "district", { name: "测试区民政局", type: FunderType.DISTRICT_CIVIL_AFFAIRS, areaCode: "349901" });
  await addTestProgram(db, "district_venture", {
    funderId: district, name: "测试区公益创投", type: ProgramType.VENTURE_PHILANTHROPY, categories: ["社会治理", "社区营造", "专业服务", "志愿服务", "福利慈善"],
    maxAwardFen: null, tranchePlan: [{ seq: 1, percent: 100, condition: TrancheCondition.ON_FINAL_PASS }],
  });
  const micro = await addTestProgram(db, "street_micro", { funderId: street, name: "测试街道社区微创投" });
  await addTestProgram(db, "street_purchase", { funderId: street, name: "测试街道社工服务购买", type: ProgramType.GOV_PURCHASE });
  const nihao = await addTestProgram(db, "zone_nihao", { funderId: zone, name: '"你好,邻里" 微公益创投' });
  const qinlin = await addTestProgram(db, "zone_qinlin", { funderId: zone, name: '"亲邻行动" 微公益创投' });

  const yearly = (year: number) => ({ programId: micro, title: `${year}年测试街道社区微创投项目征集`, opensAt: new Date(`${year - 1}-11-01T09:00:00+08:00`), closesAt: new Date(`${year - 1}-11-30T17:00:00+08:00`), status: CallStatus.DECIDED });
  await addTestCall(db, "micro_2020", yearly(2020));
  await addTestCall(db, "micro_2021", yearly(2021));
  await addTestCall(db, "micro_2022", { programId: micro, title: "2022年测试街道社区微创投项目征集" });
  await addTestCall(db, "nihao_2022", { programId: nihao, round: "第三届", closesAt: new Date("2022-04-30T17:00:00+08:00") });
  await addTestCall(db, "qinlin_2021", { programId: qinlin, status: CallStatus.DECIDED, opensAt: new Date("2021-03-15T09:00:00+08:00"), closesAt: new Date("2021-04-15T17:00:00+08:00") });

  const project = { applicantOrgId: CLUB, projectTitle: "六零系八零", targetAreaCode: "349901S01C01", requestedFen: 2_000_000 };
  await addTestApplication(db, "club_2020", { ...project, callId: "call_t_micro_2020" });
  await addTestApplication(db, "club_2021", { ...project, callId: "call_t_micro_2021" });
  const won = { organizationId: CLUB, programId: micro, awardedFen: 2_000_000 };
  await addTestGrant(db, "club_2020", { ...won, applicationId: "app_t_club_2020", status: GrantStatus.CLOSED, disbursedFen: 2_000_000, signedOn: "2019-12-27", periodFrom: "2020-01-01", periodTo: "2020-12-31" });
  await addTestGrant(db, "club_2021", { ...won, applicationId: "app_t_club_2021", agreementNo: "T-WCT-2021-018", disbursedFen: 1_600_000 });
  await addTestApplication(db, "club_2022", {
    ...project, callId: "call_t_micro_2022", status: ApplicationStatus.SUBMITTED, submittedAt: new Date("2022-03-10T10:00:00+08:00"), previousGrantId: "grant_t_club_2021",
  });
  await addTestApplication(db, "neighbours_qinlin", { callId: "call_t_qinlin_2021", applicantOrgId: NEIGHBOURS, projectTitle: "邻里守望" });
  await addTestGrant(db, "neighbours_qinlin", { applicationId: "app_t_neighbours_qinlin", organizationId: NEIGHBOURS, programId: qinlin, agreementNo: "T-QLXD-2021-004" });
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

async function query(text: string, variables: Record<string, unknown> = {}, claims: Partial<Claims> = ADMIN) {
  const { body } = await signedRequest(subgraph.url, text, variables, claims);
  return body;
}

describe("query roots", () => {
  test("programs lists all five programmes in id order and pages on with the cursor", async () => {
    const first = await query(`{ programs(first: 2) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`);
    expect(first.errors).toBeUndefined();
    expect(first.data.programs.totalCount).toBe(5);
    expect(first.data.programs.nodes.map((p: { id: string }) => p.id)).toEqual(["prog_t_district_venture", "prog_t_street_micro"]);
    expect(first.data.programs.pageInfo.hasNextPage).toBe(true);

    const rest = await query(`query($after: String) { programs(first: 10, after: $after) { nodes { id } pageInfo { hasNextPage } } }`, {
      after: first.data.programs.pageInfo.endCursor,
    });
    expect(rest.data.programs.nodes.map((p: { id: string }) => p.id)).toEqual(["prog_t_street_purchase", "prog_t_zone_nihao", "prog_t_zone_qinlin"]);
    expect(rest.data.programs.pageInfo.hasNextPage).toBe(false);
  });

  test("programs narrows by funder and by type", async () => {
    const body = await query(`{
      zone: programs(funderId: "fdr_t_zone") { totalCount nodes { name type funder { name type area { code } } } }
      venture: programs(types: [VENTURE_PHILANTHROPY]) { nodes { id name categories cycleMonths maxAwardFen tranchePlan { seq percent condition } funder { id type } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.zone.totalCount).toBe(2);
    expect(body.data.zone.nodes.map((p: { name: string }) => p.name).sort()).toEqual(['"亲邻行动" 微公益创投', '"你好,邻里" 微公益创投']);
    expect(body.data.zone.nodes[0].funder).toEqual({ name: "测试经开区社会事务局", type: "FUNCTIONAL_ZONE_BUREAU", area: { code: "349902Z01" } });
    expect(body.data.venture.nodes).toEqual([
      {
        id: "prog_t_district_venture",
        name: "测试区公益创投",
        categories: ["社会治理", "社区营造", "专业服务", "志愿服务", "福利慈善"],
        cycleMonths: 12,
        maxAwardFen: null,
        tranchePlan: [{ seq: 1, percent: 100, condition: "ON_FINAL_PASS" }],
        funder: { id: "fdr_t_district", type: "DISTRICT_CIVIL_AFFAIRS" },
      },
    ]);
  });

  test("call shows the open 2022 round, its programme's plan and the application that continues last year's grant", async () => {
    const body = await query(`{
      call(id: "call_t_micro_2022") {
        title round opensAt closesAt budgetFen tracks status
        program { id name maxAwardFen tranchePlan { seq percent condition } funder { name area { code } } calls { id status } }
        applications { totalCount nodes { id status projectTitle track applicantStarsAtSubmission submittedAt requestedFen
          plannedOutputs { serviceEvents beneficiaryVisits volunteerMinutes }
          applicantOrg { id } targetArea { code } grant { id }
          previousGrant { id agreementNo status awardedFen disbursedFen periodFrom periodTo } } }
      }
    }`, {}, STREET_OFFICER);
    expect(body.errors).toBeUndefined();
    const call = body.data.call;
    expect(call).toMatchObject({
      opensAt: "2022-03-01T09:00:00.000+08:00",
      closesAt: "2022-03-31T17:00:00.000+08:00",
      budgetFen: 20_000_000,
      tracks: ["REGISTERED_ORG", "FILED_TEAM"],
      status: "OPEN",
      round: null,
    });
    expect(call.program).toMatchObject({
      id: "prog_t_street_micro",
      name: "测试街道社区微创投",
      maxAwardFen: 2_000_000,
      funder: { name: "测试街道办事处", area: { code: "349901S01" } },
      tranchePlan: [
        { seq: 1, percent: 50, condition: "ON_SIGNING" },
        { seq: 2, percent: 30, condition: "ON_MIDTERM_PASS" },
        { seq: 3, percent: 20, condition: "ON_FINAL_PASS" },
      ],
    });
    expect(call.program.calls).toEqual([
      { id: "call_t_micro_2020", status: "DECIDED" },
      { id: "call_t_micro_2021", status: "DECIDED" },
      { id: "call_t_micro_2022", status: "OPEN" },
    ]);
    expect(call.applications.totalCount).toBe(1);
    expect(call.applications.nodes[0]).toMatchObject({
      id: "app_t_club_2022",
      status: "SUBMITTED",
      projectTitle: "六零系八零",
      track: "FILED_TEAM",
      applicantStarsAtSubmission: null,
      submittedAt: "2022-03-10T10:00:00.000+08:00",
      applicantOrg: { id: CLUB },
      targetArea: { code: "349901S01C01" },
      grant: null,
      previousGrant: {
        id: "grant_t_club_2021",
        agreementNo: "T-WCT-2021-018",
        status: "IN_PROGRESS",
        awardedFen: 2_000_000,
        disbursedFen: 1_600_000,
        periodFrom: "2021-01-01",
        periodTo: "2021-12-31",
      },
    });
  });

  test("call carries its round label, and an unknown call is null", async () => {
    const body = await query(`{ nihao: call(id: "call_t_nihao_2022") { round status program { id } } nope: call(id: "call_t_nope") { id } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.nihao).toEqual({ round: "第三届", status: "OPEN", program: { id: "prog_t_zone_nihao" } });
    expect(body.data.nope).toBeNull();
  });

  test("grant shows agreement, amounts, period and links back to its application and programme", async () => {
    const body = await query(`{
      grant(id: "grant_t_club_2021") {
        id agreementNo signedOn awardedFen disbursedFen periodFrom periodTo status
        organization { id }
        program { id }
        application { id status call { id } grant { id } }
      }
      closed: grant(id: "grant_t_club_2020") { status awardedFen disbursedFen }
      nope: grant(id: "grant_t_nope") { id }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.grant).toEqual({
      id: "grant_t_club_2021",
      agreementNo: "T-WCT-2021-018",
      signedOn: "2020-12-28",
      awardedFen: 2_000_000,
      disbursedFen: 1_600_000,
      periodFrom: "2021-01-01",
      periodTo: "2021-12-31",
      status: "IN_PROGRESS",
      organization: { id: CLUB },
      program: { id: "prog_t_street_micro" },
      application: { id: "app_t_club_2021", status: "AWARDED", call: { id: "call_t_micro_2021" }, grant: { id: "grant_t_club_2021" } },
    });
    expect(body.data.closed).toEqual({ status: "CLOSED", awardedFen: 2_000_000, disbursedFen: 2_000_000 });
    expect(body.data.nope).toBeNull();
  });
});

describe("federation", () => {
  test("contributes grants and applications to Organization; ids of another kind resolve to null", async () => {
    const body = await query(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization {
        id
        inProgress: grants(status: [IN_PROGRESS]) { id program { name } }
        grants { id status }
        applications(status: [AWARDED]) { id }
        all: applications { id status }
      } } }`,
      {
        reps: [
          { __typename: "Organization", id: CLUB },
          { __typename: "Organization", id: NEIGHBOURS },
          { __typename: "Organization", id: "org_t_unfunded" },
          { __typename: "Organization", id: "room_t_any" },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    const [club, neighbours, unfunded, room] = body.data._entities;
    expect(club.inProgress).toEqual([{ id: "grant_t_club_2021", program: { name: "测试街道社区微创投" } }]);
    expect(club.grants).toEqual([
      { id: "grant_t_club_2021", status: "IN_PROGRESS" },
      { id: "grant_t_club_2020", status: "CLOSED" },
    ]);
    expect(club.applications.map((a: { id: string }) => a.id)).toEqual(["app_t_club_2020", "app_t_club_2021"]);
    // a federation admin reads applications once their call has closed (§9.2): not the club's 2022 one yet
    expect(club.all).toEqual([
      { id: "app_t_club_2020", status: "AWARDED" },
      { id: "app_t_club_2021", status: "AWARDED" },
    ]);
    expect(neighbours.inProgress).toEqual([{ id: "grant_t_neighbours_qinlin", program: { name: '"亲邻行动" 微公益创投' } }]);
    expect(unfunded).toEqual({ id: "org_t_unfunded", inProgress: [], grants: [], applications: [], all: [] });
    expect(room).toBeNull();
  });

  test("resolves its own entities through _entities, unknown and malformed ids as null", async () => {
    const body = await query(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Grant { id agreementNo }
        ... on Call { id title }
        ... on Application { id projectTitle }
        ... on FundingProgram { id name }
        ... on Funder { id name }
      } }`,
      {
        reps: [
          { __typename: "Grant", id: "grant_t_neighbours_qinlin" },
          { __typename: "Call", id: "call_t_micro_2021" },
          { __typename: "Application", id: "app_t_neighbours_qinlin" },
          { __typename: "FundingProgram", id: "prog_t_street_purchase" },
          { __typename: "Funder", id: "fdr_t_district" },
          { __typename: "Grant", id: "grant_t_nope" },
          { __typename: "Grant", id: "app_t_club_2022" },
          { __typename: "Call", id: "not an id; DROP TABLE calls" },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { id: "grant_t_neighbours_qinlin", agreementNo: "T-QLXD-2021-004" },
      { id: "call_t_micro_2021", title: "2021年测试街道社区微创投项目征集" },
      { id: "app_t_neighbours_qinlin", projectTitle: "邻里守望" },
      { id: "prog_t_street_purchase", name: "测试街道社工服务购买" },
      { id: "fdr_t_district", name: "测试区民政局" },
      null,
      null,
      null,
    ]);
  });

  test("Organization.grants and .applications cost as many statements for 50 organizations as for 5", async () => {
    const orgIds = Array.from({ length: 50 }, (_, i) => `org_stmtcount_${String(i).padStart(2, "0")}`);
    await subgraph.db.getRepository(Application).insert(
      orgIds.map((orgId, i) => applicationRow(`stmtcount_${i}`, { callId: "call_t_micro_2021", applicantOrgId: orgId, projectTitle: `统计项目 ${i}`, summary: "statement-count fixture", requestedFen: 100_000 })),
    );
    await subgraph.db.getRepository(Grant).insert(
      orgIds.map((orgId, i) =>
        grantRow(`stmtcount_${i}`, { applicationId: `app_t_stmtcount_${i}`, organizationId: orgId, programId: "prog_t_street_micro", agreementNo: `STMT-${i}`, awardedFen: 100_000, disbursedFen: 50_000 }),
      ),
    );
    const operation = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization {
      id
      grants(status: [IN_PROGRESS, CLOSED]) { id program { name } application { projectTitle call { title program { name } } } }
      applications { id status grant { id } call { status } }
    } } }`;
    const run = (n: number) =>
      countStatements(subgraph.db, async () => {
        const body = await query(operation, { reps: orgIds.slice(0, n).map((id) => ({ __typename: "Organization", id })) });
        expect(body.errors).toBeUndefined();
        expect(body.data._entities).toHaveLength(n);
        for (const org of body.data._entities) {
          expect(org.grants).toHaveLength(1);
          expect(org.applications[0].grant.id).toBe(org.grants[0].id);
        }
      });
    const five = await run(5);
    const fifty = await run(50);
    expectNoGrowth(five, fifty);
    // grants, applications, programs, applications by id, calls, grants by application: one batch each
    expect(five).toBeLessThanOrEqual(6);
  });
});

describe("bad input", () => {
  test.each([
    ["a malformed grant id", `{ grant(id: "grant 2021") { id } }`],
    ["a room id where a grant id is expected", `{ grant(id: "room_t_any") { id } }`],
    ["a grant id where a call id is expected", `{ call(id: "grant_t_club_2021") { id } }`],
    ["an organization id as funderId", `{ programs(funderId: "org_t_club") { totalCount } }`],
    ["an unknown funder", `{ programs(funderId: "fdr_t_nope") { totalCount } }`],
    ["first: 10000 on programs", `{ programs(first: 10000) { totalCount } }`],
    ["first: 10000 on Call.applications", `{ call(id: "call_t_micro_2022") { applications(first: 10000) { totalCount } } }`],
    ["a cursor not from this list", `{ call(id: "call_t_micro_2022") { applications(after: "bm9wZQ") { totalCount } } }`],
  ])("%s is BAD_USER_INPUT", async (_what, text) => {
    const body = await query(text);
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("the message names the argument to fix", async () => {
    const body = await query(`{ programs(funderId: "room_t_any") { totalCount } }`);
    expect(body.errors?.[0].message).toMatch(/^funderId: "room_t_any" is a Room id; expected a Funder id/);
  });
});

describe("who reads what (DOMAIN §9.2; the rules in application.policy and grant.policy)", () => {
  const DRAFTER = "org_t_drafter";
  beforeAll(async () => {
    const db = subgraph.db;
    // a call under review since February, with a submitted application that names no target area, and a draft
    await addTestCall(db, "purchase_2022", { programId: "prog_t_street_purchase", status: CallStatus.UNDER_REVIEW, closesAt: new Date("2022-02-28T17:00:00+08:00") });
    await addTestApplication(db, "drafter_purchase", { callId: "call_t_purchase_2022", applicantOrgId: DRAFTER, status: ApplicationStatus.UNDER_REVIEW, targetAreaCode: null });
    // a call whose closing time has passed while its status still says OPEN: closed for federation admins all the same
    await addTestCall(db, "purchase_late", { programId: "prog_t_street_purchase", closesAt: new Date("2022-03-01T17:00:00+08:00") });
    await addTestApplication(db, "late_purchase", { callId: "call_t_purchase_late", applicantOrgId: "org_t_late", status: ApplicationStatus.SUBMITTED, targetAreaCode: null });
    await addTestApplication(db, "drafter_micro_draft", { callId: "call_t_micro_2022", applicantOrgId: DRAFTER, status: ApplicationStatus.DRAFT, targetAreaCode: "349901S01C02", submittedAt: null });
  });

  const ORGS = [CLUB, NEIGHBOURS, DRAFTER, "org_t_late"];
  const APPS = ["app_t_club_2020", "app_t_club_2021", "app_t_club_2022", "app_t_neighbours_qinlin", "app_t_drafter_purchase", "app_t_drafter_micro_draft", "app_t_late_purchase"];
  const AWARDED = ["app_t_club_2020", "app_t_club_2021", "app_t_neighbours_qinlin"];
  const viewers: [string, Partial<Claims>, string[]][] = [
    ["an anonymous caller: awarded ones (挂榜)", {}, AWARDED],
    ["a signed-in partner: the same", { roles: ["PARTNER"] }, AWARDED],
    ["a token with only a person: the same", { personId: "per_t_someone" }, AWARDED],
    ["a federation admin: those of closed calls", ADMIN, [...AWARDED, "app_t_drafter_purchase", "app_t_late_purchase"]],
    ["the street micro-venture's officer: its submitted ones", STREET_OFFICER, [...AWARDED, "app_t_club_2022"]],
    ["another programme's officer: awarded ones", { personId: "per_t_po2", roles: ["PROGRAM_OFFICER"], programIds: ["prog_t_zone_nihao"] }, AWARDED],
    ["the club's supervisor: the club's", { personId: "per_t_sup", roles: ["SUPERVISOR"], orgIds: [CLUB] }, [...AWARDED, "app_t_club_2022"]],
    ["the drafter's supervisor: not its draft", { personId: "per_t_sup2", roles: ["SUPERVISOR"], orgIds: [DRAFTER] }, [...AWARDED, "app_t_drafter_purchase"]],
    ["the drafter's member: its draft too", { personId: "per_t_om", roles: ["ORG_MEMBER"], orgIds: [DRAFTER] }, [...AWARDED, "app_t_drafter_purchase", "app_t_drafter_micro_draft"]],
    ["a reviewer of the open 2022 application", { personId: "per_t_rv", roles: ["REVIEWER"], applicationIds: ["app_t_club_2022"] }, [...AWARDED, "app_t_club_2022"]],
    ["a reviewer of an application whose call is DECIDED", { personId: "per_t_rv2", roles: ["REVIEWER"], applicationIds: ["app_t_club_2020"] }, AWARDED],
    ["street staff of the club's target street", { personId: "per_t_ss", roles: ["STREET_STAFF"], areaCodes: ["349901S01"] }, [...AWARDED, "app_t_club_2022"]],
    ["district staff above it", { personId: "per_t_ds", roles: ["STREET_STAFF"], areaCodes: ["349900"] }, [...AWARDED, "app_t_club_2022"]],
    ["community staff of the draft's community: not a draft", { personId: "per_t_cs", roles: ["COMMUNITY_STAFF"], areaCodes: ["349901S01C02"] }, AWARDED],
    ["staff with a wildcard area claim (an empty one never reaches a subgraph: its identity is refused)", { personId: "per_t_odd", roles: ["STREET_STAFF"], areaCodes: ["%", "3499_"] }, AWARDED],
    ["academy staff and venue admins: the public view", { personId: "per_t_ac", roles: ["ACADEMY_STAFF", "VENUE_ADMIN"], academyIds: ["aca_t"], facilityIds: ["fac_t"] }, AWARDED],
  ];

  test.each(viewers)("%s; lists (narrowed in SQL) and references (checked in code) agree", async (_who, claims, expected) => {
    const listed = await query(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { applications { id } } } }`,
      { reps: ORGS.map((id) => ({ __typename: "Organization", id })) },
      claims,
    );
    expect(listed.errors).toBeUndefined();
    const viaLists = listed.data._entities.flatMap((org: { applications: { id: string }[] }) => org.applications.map((a) => a.id));
    const referenced = await query(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Application { id } } }`, { reps: APPS.map((id) => ({ __typename: "Application", id })) }, claims);
    expect(referenced.errors).toBeUndefined();
    const viaReferences = referenced.data._entities.filter(Boolean).map((a: { id: string }) => a.id);
    expect(viaLists.sort()).toEqual([...expected].sort());
    expect(viaReferences.sort()).toEqual([...expected].sort());
  });

  test("the public view of an awarded application is its title: its summary and amount are FORBIDDEN", async () => {
    const title = await query(`{ grant(id: "grant_t_club_2021") { application { id projectTitle status applicantOrg { id } call { id } } } }`, {}, {});
    expect(title.errors).toBeUndefined();
    expect(title.data.grant.application).toEqual({ id: "app_t_club_2021", projectTitle: "六零系八零", status: "AWARDED", applicantOrg: { id: CLUB }, call: { id: "call_t_micro_2021" } });
    for (const field of ["summary", "requestedFen", "track", "category", "submittedAt", "plannedOutputs { serviceEvents }", "targetArea { code }", "previousGrant { id }", "applicantStarsAtSubmission"]) {
      const body = await query(`{ grant(id: "grant_t_club_2021") { application { ${field} } } }`, {}, {});
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      expect(body.errors?.[0].message).toMatch(/not public: partners see only the title of awarded projects/);
    }
  });

  test("a grant's public part is programme, organization, period and awarded amount; members add its status", async () => {
    const PUBLIC = `{ grant(id: "grant_t_club_2021") { id awardedFen periodFrom periodTo program { id } organization { id } } }`;
    const body = await query(PUBLIC, {}, {});
    expect(body.errors).toBeUndefined();
    expect(body.data.grant).toEqual({ id: "grant_t_club_2021", awardedFen: 2_000_000, periodFrom: "2021-01-01", periodTo: "2021-12-31", program: { id: "prog_t_street_micro" }, organization: { id: CLUB } });
    const member = { personId: "per_t_club_om", roles: ["ORG_MEMBER"], orgIds: [CLUB] } as Partial<Claims>;
    const cases: [Partial<Claims>, string, string | null][] = [
      [{}, "agreementNo", "FORBIDDEN"],
      [{}, "disbursedFen", "FORBIDDEN"],
      [{}, "signedOn", "FORBIDDEN"],
      [{}, "status", "FORBIDDEN"],
      [member, "status", null],
      [member, "disbursedFen", "FORBIDDEN"],
      [{ personId: "per_t_ss", roles: ["STREET_STAFF"], areaCodes: ["349901S01"] }, "disbursedFen", null],
      [{ personId: "per_t_ss2", roles: ["STREET_STAFF"], areaCodes: ["349902Z01"] }, "disbursedFen", "FORBIDDEN"],
      [{ personId: "per_t_rv", roles: ["REVIEWER"], applicationIds: ["app_t_club_2022"] }, "agreementNo", null],
      [{ personId: "per_t_rv", roles: ["REVIEWER"], applicationIds: ["app_t_neighbours_qinlin"] }, "agreementNo", "FORBIDDEN"],
      [STREET_OFFICER, "agreementNo", null],
      [{ personId: "per_t_po2", roles: ["PROGRAM_OFFICER"], programIds: ["prog_t_zone_qinlin"] }, "agreementNo", "FORBIDDEN"],
    ];
    for (const [claims, field, code] of cases) {
      const answer = await query(`{ grant(id: "grant_t_club_2021") { ${field} } }`, {}, claims);
      expect([field, answer.errors?.[0]?.extensions?.code ?? null]).toEqual([field, code]);
    }
  });

  test("a status filter on grants matches only grants whose status the caller reads", async () => {
    const text = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { all: grants { id } inProgress: grants(status: [IN_PROGRESS]) { id } } } }`;
    const reps = [{ __typename: "Organization", id: CLUB }];
    const anonymous = await query(text, { reps }, {});
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data._entities[0]).toEqual({ all: [{ id: "grant_t_club_2021" }, { id: "grant_t_club_2020" }], inProgress: [] });
    const member = await query(text, { reps }, { personId: "per_t_club_om", roles: ["ORG_MEMBER"], orgIds: [CLUB] });
    expect(member.data._entities[0].inProgress).toEqual([{ id: "grant_t_club_2021" }]);
  });

  test("scoped reads stay batched: street staff reading 50 organizations' grants and applications cost what 5 do", async () => {
    const orgIds = Array.from({ length: 50 }, (_, i) => `org_scoped_${String(i).padStart(2, "0")}`);
    await subgraph.db.getRepository(Application).insert(
      orgIds.map((orgId, i) => applicationRow(`scoped_${i}`, { callId: "call_t_micro_2021", applicantOrgId: orgId, targetAreaCode: "349901S01C01", summary: "scoped fixture" })),
    );
    await subgraph.db.getRepository(Grant).insert(
      orgIds.map((orgId, i) => grantRow(`scoped_${i}`, { applicationId: `app_t_scoped_${i}`, organizationId: orgId, programId: "prog_t_street_micro", agreementNo: `SCOPED-${i}` })),
    );
    const staff: Partial<Claims> = { personId: "per_t_ss", roles: ["STREET_STAFF"], areaCodes: ["349901S01"] };
    const operation = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization {
      grants { agreementNo disbursedFen status application { projectTitle summary } }
      applications { id summary requestedFen call { status } grant { agreementNo } }
    } } }`;
    const run = (n: number) =>
      countStatements(subgraph.db, async () => {
        const body = await query(operation, { reps: orgIds.slice(0, n).map((id) => ({ __typename: "Organization", id })) }, staff);
        expect(body.errors).toBeUndefined();
        for (const org of body.data._entities) {
          expect(org.grants).toEqual([{ agreementNo: expect.stringMatching(/^SCOPED-/), disbursedFen: 500_000, status: "IN_PROGRESS", application: { projectTitle: expect.any(String), summary: "scoped fixture" } }]);
          expect(org.applications).toHaveLength(1);
        }
      });
    const five = await run(5);
    const fifty = await run(50);
    expectNoGrowth(five, fifty);
  });
});
