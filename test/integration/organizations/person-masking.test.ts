import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";

let subgraph: RunningSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(() => subgraph?.stop());

const DEPUTY = `{ _entities(representations: [{ __typename: "Person", id: "per_lzl_deputy" }]) { ... on Person { displayName fullName phone birthYear memberships { role } } } }`;

async function deputyAs(claims: Partial<Claims>) {
  const { body } = await signedRequest(subgraph.url, DEPUTY, {}, claims);
  expect(body.errors).toBeUndefined();
  return body.data._entities[0];
}

test("anonymous and partner callers see a masked name and nothing else", async () => {
  for (const claims of [{}, { roles: ["PARTNER" as const] }]) {
    expect(await deputyAs(claims)).toEqual({ displayName: "王*华", fullName: null, phone: null, birthYear: null, memberships: [] });
  }
});

test("the leader of the person's organization sees name and phone, not the birth year", async () => {
  expect(await deputyAs({ personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] })).toMatchObject({
    displayName: "王某华",
    phone: "100-0000-0002",
    birthYear: null,
  });
});

test("the leader of another organization sees the masked view", async () => {
  expect(await deputyAs({ personId: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] })).toMatchObject({ displayName: "王*华", phone: null });
});

test("street staff in scope and the organization's supervisor see name, phone and birth year", async () => {
  for (const claims of [
    { personId: "per_cq_staff", roles: ["STREET_STAFF" as const], areaCodes: ["340111X01"] },
    { personId: "per_wu_supervisor", roles: ["SUPERVISOR" as const], orgIds: ["org_lezhulin"] },
  ]) {
    expect(await deputyAs(claims)).toMatchObject({ fullName: "王某华", phone: "100-0000-0002", birthYear: 1959 });
  }
});

test("street staff of another street see the masked view", async () => {
  expect(await deputyAs({ personId: "per_sjk_staff", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] })).toMatchObject({ fullName: null, birthYear: null });
});

test("a federation admin sees names but no phone or age", async () => {
  expect(await deputyAs({ personId: "per_fa", roles: ["FEDERATION_ADMIN"] })).toMatchObject({ fullName: "王某华", phone: null, birthYear: null });
});

test("masking many people costs a bounded number of statements, not one per person", async () => {
  const query = (n: number) =>
    `{ organizations(first: ${n}) { nodes { leader { person { displayName phone } } backbone { person { displayName } } } } }`;
  // staff of the whole city: every roster is in scope, so both pages take the same paths
  const claims = { personId: "per_city_staff", roles: ["STREET_STAFF" as const], areaCodes: ["340100", "340700"] };
  const few = await countStatements(subgraph.db, () => signedRequest(subgraph.url, query(2), {}, claims));
  const all = await countStatements(subgraph.db, () => signedRequest(subgraph.url, query(50), {}, claims));
  // loader waves, not rows: people of several organizations may add one more wave of organizations and areas
  expect(few).toBeLessThanOrEqual(12);
  expect(all).toBeLessThanOrEqual(12);
});
