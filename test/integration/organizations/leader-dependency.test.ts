import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { LegalForm } from "@subgraphs/organizations/directory/directory.enums";
import { recomputeLeaderDependency } from "@subgraphs/organizations/leader-dependency";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { expectNoGrowth } from "@test/support/statements";
import { addOrganization, addStreet } from "./fixtures";

let subgraph: RunningSubgraph;
const FA: Partial<Claims> = { personId: "per_fa", roles: ["FEDERATION_ADMIN"] };

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today: the last 12 months of activities count
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

async function gql(query: string, variables: Record<string, unknown> = {}, claims: Partial<Claims> = FA) {
  const { body } = await signedRequest(subgraph.url, query, variables, claims);
  return body;
}

const SIGNAL = `query($id: ID!) { organization(id: $id) { leaderDependency { level score factors { code points } } } }`;

test("demo: the three teams of the article score as DOMAIN §10.2 computes them", async () => {
  const scores: Record<string, unknown> = {};
  for (const id of ["org_lezhulin", "org_jiaqiao", "org_tl_dance"]) {
    const { leaderDependency } = (await gql(SIGNAL, { id })).data.organization;
    scores[id] = [leaderDependency.level, leaderDependency.score];
  }
  expect(scores).toEqual({ org_lezhulin: ["LOW", 20], org_jiaqiao: ["HIGH", 65], org_tl_dance: ["HIGH", 85] });
});

test("demo: partners see no signal, academy staff the level without its factors", async () => {
  expect((await gql(SIGNAL, { id: "org_jiaqiao" }, {})).data.organization.leaderDependency).toBeNull();
  expect((await gql(SIGNAL, { id: "org_jiaqiao" }, { roles: ["PARTNER"] })).data.organization.leaderDependency).toBeNull();
  expect((await gql(SIGNAL, { id: "org_jiaqiao" }, { personId: "per_ac", roles: ["ACADEMY_STAFF"] })).data.organization.leaderDependency).toEqual({ level: "HIGH", score: 65, factors: [] });
});

test("demo: naming a deputy is recomputed at once: 加侨飞扬 drops from HIGH to MEDIUM", async () => {
  const members = (await gql(`{ organization(id: "org_jiaqiao") { members(roles: [MEMBER]) { nodes { id } } } }`)).data.organization.members.nodes;
  const leader: Partial<Claims> = { personId: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] };
  const changed = await gql(`mutation($id: ID!) { changeMemberRole(membershipId: $id, role: DEPUTY) { role } }`, { id: members[0].id }, leader);
  expect(changed.errors).toBeUndefined();
  const { leaderDependency } = (await gql(SIGNAL, { id: "org_jiaqiao" })).data.organization;
  // a bench of two removes BENCH (20) and NO_DEPUTY (10): 25 + 10 left
  expect(leaderDependency).toMatchObject({ level: "MEDIUM", score: 35 });
});

test("demo: lists filter by leader-dependency level, for those who may see it", async () => {
  const high = await gql(`{ organizations(filter: { leaderDependency: [HIGH] }) { nodes { id } } }`);
  const ids = high.data.organizations.nodes.map((o: { id: string }) => o.id);
  expect(ids).toContain("org_tl_dance");
  expect(ids).not.toContain("org_lezhulin");
  const anonymous = await gql(`{ organizations(filter: { leaderDependency: [HIGH] }) { totalCount } }`, {}, {});
  expect(anonymous.errors?.[0].extensions?.code).toBe("FORBIDDEN");
});

test("demo: a level filter lists only organizations whose level the caller may see (§9.2 R s)", async () => {
  const HIGH = `{ organizations(filter: { leaderDependency: [HIGH, MEDIUM, LOW] }) { nodes { id leaderDependency { level } } } }`;
  const idsFor = async (claims: Partial<Claims>) => {
    const body = await gql(HIGH, {}, claims);
    expect(body.errors).toBeUndefined();
    return body.data.organizations.nodes.map((o: { id: string; leaderDependency: unknown }) => (o.leaderDependency ? o.id : `${o.id} (level hidden)`));
  };
  // street staff of 蜀山经开区 see 加侨飞扬 and the federation, not 常青街道's teams nor Tongling's (they used to see all)
  expect(await idsFor({ personId: "per_ss", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] })).toEqual(["org_jiaqiao", "org_sjk_fed"]);
  // a supervisor: the organizations assigned to them, nothing else
  expect(await idsFor({ personId: "per_sup", roles: ["SUPERVISOR"], orgIds: ["org_lezhulin"] })).toEqual(["org_lezhulin"]);
  expect(await idsFor({ personId: "per_sup", roles: ["SUPERVISOR"], orgIds: [] })).toEqual([]);
  // an area code nobody knows, or a wildcard, scopes to nothing (an empty one never reaches a subgraph: its identity is refused)
  expect(await idsFor({ personId: "per_ss", roles: ["COMMUNITY_STAFF"], areaCodes: ["%", "X%"] })).toEqual([]);
  expect((await gql(HIGH, {}, { personId: "per_va", roles: ["VENUE_ADMIN"] })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
});

test("demo: Q7's filter: a supervisor's own organizations at risk", async () => {
  const wu: Partial<Claims> = { personId: "per_wu_supervisor", roles: ["SUPERVISOR"], orgIds: ["org_lezhulin"] };
  const mine = await gql(`{ organizations(filter: { supervisedByMe: true }) { nodes { id leaderDependency { level } } } }`, {}, wu);
  expect(mine.data.organizations.nodes).toEqual([{ id: "org_lezhulin", leaderDependency: { level: "LOW" } }]);
  const atRisk = await gql(`{ organizations(filter: { supervisedByMe: true, leaderDependency: [HIGH, MEDIUM] }) { totalCount } }`, {}, wu);
  expect(atRisk.data.organizations.totalCount).toBe(0);
  expect((await gql(`{ organizations(filter: { supervisedByMe: true }) { totalCount } }`, {}, {})).errors?.[0].extensions?.code).toBe("FORBIDDEN");
});

test("demo: lists filter by filing status and by a minimum of stars", async () => {
  const QUEUE = `{ organizations(filter: { areaCode: "340111X01", filingStatus: [COMMUNITY_REVIEWED, STREET_REVIEW] }) { totalCount } }`;
  expect((await gql(QUEUE, {}, { personId: "per_ss", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] })).data.organizations.totalCount).toBe(3);
  // partners learn only whether an organization is filed (§9.2 PT "filed yes/no"): the queue is not theirs to list
  expect((await gql(QUEUE, {}, {})).data.organizations.totalCount).toBe(0);
  const filed = await gql(`{ organizations(filter: { areaCode: "340111X01", filingStatus: [FILED] }) { totalCount } }`, {}, {});
  expect(filed.data.organizations.totalCount).toBeGreaterThan(0);
  const starred = await gql(`{ organizations(filter: { minStars: 3 }) { nodes { id currentRating { stars } } } }`, {}, {});
  expect(starred.data.organizations.nodes).toEqual([{ id: "org_jiaqiao", currentRating: { stars: "THREE" } }]);
  expect((await gql(`{ organizations(filter: { minStars: 4 }) { totalCount } }`, {}, {})).data.organizations.totalCount).toBe(0);
  expect((await gql(`{ organizations(filter: { minStars: 9 }) { totalCount } }`, {}, {})).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("signals for 50 organizations cost the statements of 5", async () => {
  // 50 filed teams of the test's own, each a leader and four members: every one has a signal to compute
  const { community } = await addStreet(subgraph.db, "LD");
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) ids.push((await addOrganization(subgraph.db, `ld${i}`, { name: `依赖批量${i}`, legalForm: LegalForm.FILED, homeAreaCode: community })).orgId);
  await recomputeLeaderDependency(subgraph.db.manager, ids);
  const query = (n: number) => `{ organizations(filter: { search: "依赖批量" }, first: ${n}) { nodes { leaderDependency { level } } } }`;
  const signals = (await gql(query(50))).data.organizations.nodes;
  expect(signals).toHaveLength(50);
  expect(signals.every((o: { leaderDependency: { level: string } | null }) => o.leaderDependency?.level)).toBe(true);
  const five = await countStatements(subgraph.db, () => gql(query(5)));
  const fifty = await countStatements(subgraph.db, () => gql(query(50)));
  expectNoGrowth(five, fifty);
});
