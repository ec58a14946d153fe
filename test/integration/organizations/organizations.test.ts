import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { Claims } from "@platform/identity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { AreaLevel, LegalForm, Person } from "@subgraphs/organizations/directory";
import { TEST_CITY, TEST_DISTRICT, addArea, addOrganization, addStreet, leaderOf, rosterRoles, streetStaffOf } from "./fixtures";

let subgraph: RunningSubgraph;

// Two organizations in the test district (a team whose leader is 张某琴, an agency), one in another district.
let TEAM = "", TEAM_LEADER = "";
beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationsSubgraph);
  const db = subgraph.db;
  const home = await addStreet(db, "HOME");
  await addArea(db, "990200", { name: "另一测试区", level: AreaLevel.DISTRICT, parentCode: TEST_CITY });
  const elsewhere = await addArea(db, "990200S01", { name: "另一测试街道", level: AreaLevel.STREET, parentCode: "990200" });
  const team = await addOrganization(db, "team", { name: "测试志愿服务队", members: 21, roles: rosterRoles(21), homeAreaCode: home.community });
  TEAM = team.orgId;
  TEAM_LEADER = team.leaderId;
  await db.getRepository(Person).update({ id: TEAM_LEADER }, { fullName: "张某琴", phone: "100-0000-0001" });
  await addOrganization(db, "agency", { name: "测试社会工作服务社", legalForm: LegalForm.SOCIAL_SERVICE_AGENCY, homeAreaCode: home.street, members: 1 });
  await addOrganization(db, "far", { name: "远处的服务队", homeAreaCode: elsewhere, members: 1 });
});
afterAll(() => subgraph?.stop());

test("lists the organizations under a district with their leader masked for the public", async () => {
  const { body } = await signedRequest(
    subgraph.url,
    `query($area: ID!) { organizations(filter: { areaCode: $area }) { totalCount nodes { id name homeArea { name } leader { person { displayName fullName phone } } } } }`,
    { area: TEST_DISTRICT },
  );
  expect(body.errors).toBeUndefined();
  const names = body.data.organizations.nodes.map((o: { name: string }) => o.name).sort();
  expect(names).toEqual(["测试志愿服务队", "测试社会工作服务社"].sort());
  expect(names).not.toContain("远处的服务队");
  const team = body.data.organizations.nodes.find((o: { id: string }) => o.id === TEAM);
  expect(team.leader.person).toEqual({ displayName: "张*琴", fullName: null, phone: null });
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
    { reps: [{ __typename: "Organization", id: TEAM }, { __typename: "Organization", id: "org_nope" }, { __typename: "Organization", id: "room_zx_hall" }] },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data._entities).toEqual([{ id: TEAM, name: "测试志愿服务队" }, null, null]);
});

test("the member roster is for the organization, its supervisor and staff in scope; the public sees the leader and the count", async () => {
  const query = `query($id: ID!) { organization(id: $id) { memberCount leader { role } backbone { role } members { totalCount } } }`;
  const as = async (claims: Partial<Claims>) => (await signedRequest(subgraph.url, query, { id: TEAM }, claims)).body.data.organization;
  const publicView = await as({});
  expect(publicView).toEqual({ memberCount: 21, leader: { role: "LEADER" }, backbone: [], members: { totalCount: 0 } });
  const leaderView = await as(leaderOf(TEAM, TEAM_LEADER));
  expect(leaderView.members.totalCount).toBe(leaderView.memberCount);
  expect(leaderView.backbone.length).toBeGreaterThan(0);
  const otherStreet = await as(streetStaffOf("990200S01"));
  expect(otherStreet.members.totalCount).toBe(0);
});
