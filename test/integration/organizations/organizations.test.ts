import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";

let subgraph: RunningSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(() => subgraph?.stop());

test("lists the demo organizations under 常青街道 with their leader masked for the public", async () => {
  const { body } = await signedRequest(
    subgraph.url,
    `query($area: ID!) { organizations(filter: { areaCode: $area }) { totalCount nodes { id name homeArea { name } leader { person { displayName fullName phone } } } } }`,
    { area: "340111" },
  );
  expect(body.errors).toBeUndefined();
  const names = body.data.organizations.nodes.map((o: { name: string }) => o.name).sort();
  expect(names).toEqual(expect.arrayContaining(["乐竹邻志愿服务队", "合肥爱邻社会工作服务社"]));
  expect(names).not.toContain("加侨飞扬志愿服务队");
  const lezhulin = body.data.organizations.nodes.find((o: { id: string }) => o.id === "org_lezhulin");
  expect(lezhulin.leader.person).toEqual({ displayName: "张*琴", fullName: null, phone: null });
});

test("refuses a request that the gateway did not sign", async () => {
  const response = await fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ me { id } }" }) });
  expect(response.status).toBe(401);
  const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
});

test("resolves references through _entities, unknown and malformed ids as null", async () => {
  const { body } = await signedRequest(
    subgraph.url,
    `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { id name } } }`,
    { reps: [{ __typename: "Organization", id: "org_jiaqiao" }, { __typename: "Organization", id: "org_nope" }, { __typename: "Organization", id: "room_zx_hall" }] },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data._entities).toEqual([{ id: "org_jiaqiao", name: "加侨飞扬志愿服务队" }, null, null]);
});

test("the member roster is for the organization, its supervisor and staff in scope; the public sees the leader and the count", async () => {
  const query = `{ organization(id: "org_lezhulin") { memberCount leader { role } backbone { role } members { totalCount } } }`;
  const publicView = (await signedRequest(subgraph.url, query)).body.data.organization;
  expect(publicView).toEqual({ memberCount: 21, leader: { role: "LEADER" }, backbone: [], members: { totalCount: 0 } });
  const leaderView = (await signedRequest(subgraph.url, query, {}, { personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] })).body.data.organization;
  expect(leaderView.members.totalCount).toBe(leaderView.memberCount);
  expect(leaderView.backbone.length).toBeGreaterThan(0);
  const otherStreet = (await signedRequest(subgraph.url, query, {}, { personId: "per_x", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] })).body.data.organization;
  expect(otherStreet.members.totalCount).toBe(0);
});
