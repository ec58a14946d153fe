import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { LegalForm, MemberRole } from "@subgraphs/organizations/directory/directory.enums";
import { TEST_CITY, addMembership, addOrganization, addPerson, addStreet, addSupervision, federationAdmin, leaderOf, rosterRoles, streetStaffOf, supervisorOf } from "./fixtures";

let subgraph: RunningSubgraph;
// A team on a test street with a deputy 王某华 (phone, born 1959), supervised by an agency's worker; another team with
// its own leader; and a handful of teams across the test city for the statement count.
const DEPUTY_ID = "per_t_deputy";
let ORG = "";
let OTHER_LEADER: Partial<Claims>, ORG_LEADER: Partial<Claims>, SUPERVISOR: Partial<Claims>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationsSubgraph);
  const db = subgraph.db;
  const home = await addStreet(db, "HOME");
  await addStreet(db, "OTHER");
  const team = await addOrganization(db, "team", { homeAreaCode: home.community });
  ORG = team.orgId;
  await addPerson(db, "deputy", { fullName: "王某华", phone: "100-0000-0002", birthYear: 1959 });
  await addMembership(db, "deputy", ORG, DEPUTY_ID, MemberRole.DEPUTY);
  const agency = await addOrganization(db, "agency", { legalForm: LegalForm.SOCIAL_SERVICE_AGENCY, homeAreaCode: home.street, members: 1 });
  await addSupervision(db, "team", { organizationId: ORG, agencyOrgId: agency.orgId, supervisorPersonId: agency.leaderId });
  const other = await addOrganization(db, "other", { homeAreaCode: home.community });
  ORG_LEADER = leaderOf(ORG, team.leaderId);
  OTHER_LEADER = leaderOf(other.orgId, other.leaderId);
  SUPERVISOR = supervisorOf([ORG], agency.leaderId);
  for (let i = 0; i < 6; i++) await addOrganization(db, `city${i}`, { homeAreaCode: (await addStreet(db, `C${i}`)).community, members: 6, roles: rosterRoles(6) });
});
afterAll(() => subgraph?.stop());

const DEPUTY = `query($id: ID!) { _entities(representations: [{ __typename: "Person", id: $id }]) { ... on Person { displayName fullName phone birthYear memberships { role } } } }`;

async function deputyAs(claims: Partial<Claims>) {
  const { body } = await signedRequest(subgraph.url, DEPUTY, { id: DEPUTY_ID }, claims);
  expect(body.errors).toBeUndefined();
  return body.data._entities[0];
}

test("anonymous and partner callers see a masked name and nothing else", async () => {
  for (const claims of [{}, { roles: ["PARTNER" as const] }]) {
    expect(await deputyAs(claims)).toEqual({ displayName: "王*华", fullName: null, phone: null, birthYear: null, memberships: [] });
  }
});

test("the leader of the person's organization sees name and phone, not the birth year", async () => {
  expect(await deputyAs(ORG_LEADER)).toMatchObject({
    displayName: "王某华",
    phone: "100-0000-0002",
    birthYear: null,
  });
});

test("the leader of another organization sees the masked view", async () => {
  expect(await deputyAs(OTHER_LEADER)).toMatchObject({ displayName: "王*华", phone: null });
});

test("street staff in scope and the organization's supervisor see name, phone and birth year", async () => {
  for (const claims of [
    streetStaffOf("990100SHOME"),
    SUPERVISOR,
  ]) {
    expect(await deputyAs(claims)).toMatchObject({ fullName: "王某华", phone: "100-0000-0002", birthYear: 1959 });
  }
});

test("street staff of another street see the masked view", async () => {
  expect(await deputyAs(streetStaffOf("990100SOTHER"))).toMatchObject({ fullName: null, birthYear: null });
});

test("a federation admin sees names but no phone or age", async () => {
  expect(await deputyAs(federationAdmin())).toMatchObject({ fullName: "王某华", phone: null, birthYear: null });
});

test("masking many people costs a bounded number of statements, not one per person", async () => {
  const query = (n: number) =>
    `{ organizations(first: ${n}) { nodes { leader { person { displayName phone } } backbone { person { displayName } } } } }`;
  // staff of the whole city: every roster is in scope, so both pages take the same paths
  const claims = streetStaffOf(TEST_CITY);
  const few = await countStatements(subgraph.db, () => signedRequest(subgraph.url, query(2), {}, claims));
  const all = await countStatements(subgraph.db, () => signedRequest(subgraph.url, query(50), {}, claims));
  // loader waves, not rows: people of several organizations may add one more wave of organizations and areas
  expect(few).toBeLessThanOrEqual(12);
  expect(all).toBeLessThanOrEqual(12);
});
