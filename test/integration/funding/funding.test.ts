import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { Application } from "@subgraphs/funding/applications/application.entity";
import { Grant } from "@subgraphs/funding/grants/grant.entity";
import { fundingSubgraph } from "@subgraphs/funding/subgraph";
import { ApplicationStatus } from "@subgraphs/funding/applications/application.enums";
import { ApplicantTrack } from "@subgraphs/funding/calls/call.enums";
import { GrantStatus } from "@subgraphs/funding/grants/grant.enums";
import { expectNoGrowth } from "@test/support/statements";

let subgraph: RunningSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(fundingSubgraph, { seed: true });
});
afterAll(() => subgraph?.stop());

async function query(text: string, variables: Record<string, unknown> = {}) {
  const { body } = await signedRequest(subgraph.url, text, variables);
  return body;
}

describe("query roots on the demo data", () => {
  test("programs lists all five programmes in id order and pages on with the cursor", async () => {
    const first = await query(`{ programs(first: 2) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`);
    expect(first.errors).toBeUndefined();
    expect(first.data.programs.totalCount).toBe(5);
    expect(first.data.programs.nodes.map((p: { id: string }) => p.id)).toEqual(["prog_bh_venture", "prog_cq_micro"]);
    expect(first.data.programs.pageInfo.hasNextPage).toBe(true);

    const rest = await query(`query($after: String) { programs(first: 10, after: $after) { nodes { id } pageInfo { hasNextPage } } }`, {
      after: first.data.programs.pageInfo.endCursor,
    });
    expect(rest.data.programs.nodes.map((p: { id: string }) => p.id)).toEqual(["prog_cq_purchase", "prog_sjk_nihao", "prog_sjk_qinlin"]);
    expect(rest.data.programs.pageInfo.hasNextPage).toBe(false);
  });

  test("programs narrows by funder and by type", async () => {
    const body = await query(`{
      sjk: programs(funderId: "fdr_sjk_bureau") { totalCount nodes { name type funder { name type area { code } } } }
      venture: programs(types: [VENTURE_PHILANTHROPY]) { nodes { id name categories cycleMonths maxAwardFen tranchePlan { seq percent condition } funder { id type } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.sjk.totalCount).toBe(2);
    expect(body.data.sjk.nodes.map((p: { name: string }) => p.name).sort()).toEqual(['"亲邻行动" 微公益创投', '"你好,邻里" 微公益创投']);
    expect(body.data.sjk.nodes[0].funder).toEqual({ name: "蜀山经开区社会事务局", type: "FUNCTIONAL_ZONE_BUREAU", area: { code: "340104Z01" } });
    expect(body.data.venture.nodes).toEqual([
      {
        id: "prog_bh_venture",
        name: "包河区公益创投",
        categories: ["社会治理", "社区营造", "专业服务", "志愿服务", "福利慈善"],
        cycleMonths: 12,
        maxAwardFen: null,
        tranchePlan: [{ seq: 1, percent: 100, condition: "ON_FINAL_PASS" }],
        funder: { id: "fdr_bh_civil", type: "DISTRICT_CIVIL_AFFAIRS" },
      },
    ]);
  });

  test("call shows the open 2022 round, its programme's plan and the application that continues last year's grant", async () => {
    const body = await query(`{
      call(id: "call_cq_2022") {
        title round opensAt closesAt budgetFen tracks status
        program { id name maxAwardFen tranchePlan { seq percent condition } funder { name area { code } } calls { id status } }
        applications { totalCount nodes { id status projectTitle track applicantStarsAtSubmission submittedAt requestedFen
          plannedOutputs { serviceEvents beneficiaryVisits volunteerMinutes }
          applicantOrg { id } targetArea { code } grant { id }
          previousGrant { id agreementNo status awardedFen disbursedFen periodFrom periodTo } } }
      }
    }`);
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
      id: "prog_cq_micro",
      name: "常青街道社区微创投",
      maxAwardFen: 2_000_000,
      funder: { name: "常青街道办事处", area: { code: "340111X01" } },
      tranchePlan: [
        { seq: 1, percent: 50, condition: "ON_SIGNING" },
        { seq: 2, percent: 30, condition: "ON_MIDTERM_PASS" },
        { seq: 3, percent: 20, condition: "ON_FINAL_PASS" },
      ],
    });
    expect(call.program.calls).toEqual([
      { id: "call_cq_2020", status: "DECIDED" },
      { id: "call_cq_2021", status: "DECIDED" },
      { id: "call_cq_2022", status: "OPEN" },
    ]);
    expect(call.applications.totalCount).toBe(1);
    expect(call.applications.nodes[0]).toMatchObject({
      id: "app_cq2022_6080",
      status: "SUBMITTED",
      projectTitle: "六零系八零",
      track: "FILED_TEAM",
      applicantStarsAtSubmission: null,
      submittedAt: "2022-03-10T10:00:00.000+08:00",
      applicantOrg: { id: "org_lezhulin" },
      targetArea: { code: "340111X01C01" },
      grant: null,
      previousGrant: {
        id: "grant_cq2021_6080",
        agreementNo: "CQWCT-2021-018",
        status: "IN_PROGRESS",
        awardedFen: 2_000_000,
        disbursedFen: 1_600_000,
        periodFrom: "2021-01-01",
        periodTo: "2021-12-31",
      },
    });
  });

  test("call carries its round label, and an unknown call is null", async () => {
    const body = await query(`{ nihao: call(id: "call_sjk_nihao_2022") { round status program { id } } nope: call(id: "call_nope") { id } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.nihao).toEqual({ round: "第三届", status: "OPEN", program: { id: "prog_sjk_nihao" } });
    expect(body.data.nope).toBeNull();
  });

  test("grant shows agreement, amounts, period and links back to its application and programme", async () => {
    const body = await query(`{
      grant(id: "grant_cq2021_6080") {
        id agreementNo signedOn awardedFen disbursedFen periodFrom periodTo status
        organization { id }
        program { id }
        application { id status call { id } grant { id } }
      }
      closed: grant(id: "grant_cq2020_6080") { status awardedFen disbursedFen }
      nope: grant(id: "grant_nope") { id }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.grant).toEqual({
      id: "grant_cq2021_6080",
      agreementNo: "CQWCT-2021-018",
      signedOn: "2020-12-28",
      awardedFen: 2_000_000,
      disbursedFen: 1_600_000,
      periodFrom: "2021-01-01",
      periodTo: "2021-12-31",
      status: "IN_PROGRESS",
      organization: { id: "org_lezhulin" },
      program: { id: "prog_cq_micro" },
      application: { id: "app_cq2021_6080", status: "AWARDED", call: { id: "call_cq_2021" }, grant: { id: "grant_cq2021_6080" } },
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
          { __typename: "Organization", id: "org_lezhulin" },
          { __typename: "Organization", id: "org_jiaqiao" },
          { __typename: "Organization", id: "org_tl_dance" },
          { __typename: "Organization", id: "room_zx_hall" },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    const [lezhulin, jiaqiao, dance, room] = body.data._entities;
    expect(lezhulin.inProgress).toEqual([{ id: "grant_cq2021_6080", program: { name: "常青街道社区微创投" } }]);
    expect(lezhulin.grants).toEqual([
      { id: "grant_cq2021_6080", status: "IN_PROGRESS" },
      { id: "grant_cq2020_6080", status: "CLOSED" },
    ]);
    expect(lezhulin.applications.map((a: { id: string }) => a.id)).toEqual(["app_cq2020_6080", "app_cq2021_6080"]);
    expect(lezhulin.all).toHaveLength(3);
    expect(jiaqiao.inProgress).toEqual([{ id: "grant_sjk_qinlin_jq", program: { name: '"亲邻行动" 微公益创投' } }]);
    expect(dance).toEqual({ id: "org_tl_dance", inProgress: [], grants: [], applications: [], all: [] });
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
          { __typename: "Grant", id: "grant_sjk_qinlin_jq" },
          { __typename: "Call", id: "call_cq_2021" },
          { __typename: "Application", id: "app_sjk_qinlin_jq" },
          { __typename: "FundingProgram", id: "prog_cq_purchase" },
          { __typename: "Funder", id: "fdr_bh_civil" },
          { __typename: "Grant", id: "grant_nope" },
          { __typename: "Grant", id: "app_cq2022_6080" },
          { __typename: "Call", id: "not an id; DROP TABLE calls" },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { id: "grant_sjk_qinlin_jq", agreementNo: "SJK-QLXD-2021-004" },
      { id: "call_cq_2021", title: "2021年常青街道社区微创投项目征集" },
      { id: "app_sjk_qinlin_jq", projectTitle: "加侨悦山邻里守望" },
      { id: "prog_cq_purchase", name: "常青街道社工服务购买" },
      { id: "fdr_bh_civil", name: "包河区民政局" },
      null,
      null,
      null,
    ]);
  });

  test("Organization.grants and .applications cost as many statements for 50 organizations as for 5", async () => {
    const orgIds = Array.from({ length: 50 }, (_, i) => `org_stmtcount_${String(i).padStart(2, "0")}`);
    await subgraph.db.getRepository(Application).insert(
      orgIds.map((orgId, i) => ({
        id: `app_stmtcount_${i}`,
        callId: "call_cq_2021",
        track: ApplicantTrack.FILED_TEAM,
        applicantOrgId: orgId,
        projectTitle: `统计项目 ${i}`,
        category: null,
        summary: "statement-count fixture",
        targetAreaCode: null,
        plannedOutputs: { serviceEvents: 1, beneficiaryVisits: 1, volunteerMinutes: 1 },
        requestedFen: 100_000,
        applicantStarsAtSubmission: null,
        status: ApplicationStatus.AWARDED,
        submittedAt: new Date("2020-11-20T02:00:00Z"),
        previousGrantId: null,
      })),
    );
    await subgraph.db.getRepository(Grant).insert(
      orgIds.map((orgId, i) => ({
        id: `grant_stmtcount_${i}`,
        applicationId: `app_stmtcount_${i}`,
        organizationId: orgId,
        programId: "prog_cq_micro",
        agreementNo: `STMT-${i}`,
        signedOn: "2020-12-28",
        awardedFen: 100_000,
        disbursedFen: 50_000,
        periodFrom: "2021-01-01",
        periodTo: "2021-12-31",
        status: GrantStatus.IN_PROGRESS,
      })),
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
    ["a room id where a grant id is expected", `{ grant(id: "room_zx_hall") { id } }`],
    ["a grant id where a call id is expected", `{ call(id: "grant_cq2021_6080") { id } }`],
    ["an organization id as funderId", `{ programs(funderId: "org_lezhulin") { totalCount } }`],
    ["an unknown funder", `{ programs(funderId: "fdr_nope") { totalCount } }`],
    ["first: 10000 on programs", `{ programs(first: 10000) { totalCount } }`],
    ["first: 10000 on Call.applications", `{ call(id: "call_cq_2022") { applications(first: 10000) { totalCount } } }`],
    ["a cursor not from this list", `{ call(id: "call_cq_2022") { applications(after: "bm9wZQ") { totalCount } } }`],
  ])("%s is BAD_USER_INPUT", async (_what, text) => {
    const body = await query(text);
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("the message names the argument to fix", async () => {
    const body = await query(`{ programs(funderId: "room_zx_hall") { totalCount } }`);
    expect(body.errors?.[0].message).toMatch(/^funderId: "room_zx_hall" is a Room id; expected a Funder id/);
  });
});
