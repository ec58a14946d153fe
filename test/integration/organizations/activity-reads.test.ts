import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { demoActivities } from "@subgraphs/organizations/activities/activity.seed";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { VerificationStatus } from "@subgraphs/organizations/activities";
import { addActivity, addOrganization, addStreet, federationAdmin, leaderOf, memberOf, personId, rosterRoles, streetStaffOf, supervisorOf } from "./fixtures";

// the test's own rows in a store of their own; the demo tests read the seeded demo (its area sums span every street)
let subgraph: RunningSubgraph;
let demoSubgraph: RunningSubgraph;

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today (DOMAIN §10)
  subgraph = await startTestSubgraph(organizationsSubgraph);
  demoSubgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  await subgraph?.stop();
  await demoSubgraph?.stop();
  pinClock(null);
});

const gql = async (query: string, variables: Record<string, unknown> = {}, claims: Partial<Claims> = {}, target = subgraph) => {
  const { body } = await signedRequest(target.url, query, variables, claims);
  expect(body.errors).toBeUndefined();
  return body.data;
};

const YEAR_2021 = { from: "2021-01-01", to: "2021-12-31" };
const JUNE_2021 = { from: "2021-06-01", to: "2021-06-30" };
const demo = demoActivities();
const demoIn = (organizationId: string, period: { from: string; to: string }) =>
  demo.activities.filter((a) => a.organizationId === organizationId && a.serviceDay >= period.from && a.serviceDay <= period.to);

// A team 阅读测试队 of 12 on a test street with 12 records in June 2021 (act_t_reads_01…12, three volunteers each,
// member 5 on every fourth) and one in May and July, all on its grant; a team on another street with 3 records on a
// grant of its own. The demo's public totals and area sums are checked on their own (named demo).
const p = (i: number) => personId("reads", i);
const n = (i: number) => String(i).padStart(2, "0");
const JUNE: { id: string; lines: [string, number][] }[] = [];
let TEAM: string, HOME: { street: string; community: string }, OTHER: { street: string; community: string };
let LEADER: Partial<Claims>;
beforeAll(async () => {
  const db = subgraph.db;
  HOME = await addStreet(db, "READ");
  OTHER = await addStreet(db, "OTHER");
  const team = await addOrganization(db, "reads", { name: "阅读测试队", homeAreaCode: HOME.community, members: 12, roles: rosterRoles(12) });
  TEAM = team.orgId;
  LEADER = leaderOf(TEAM, team.leaderId);
  for (let i = 1; i <= 12; i++) {
    const lines: [string, number][] = [[p(2 + (i % 3)), 150], [p(5 + (i % 4)), 120], [p(9 + (i % 3)), 90]];
    JUNE.push({ id: await addActivity(db, `reads_${n(i)}`, TEAM, { day: `2021-06-${n(i + 1)}`, grantId: "grant_t_reads", lines }), lines });
  }
  await addActivity(db, "reads_may", TEAM, { day: "2021-05-20", grantId: "grant_t_reads", lines: [[p(5), 60]] });
  await addActivity(db, "reads_jul", TEAM, { day: "2021-07-01", grantId: "grant_t_reads", lines: [[p(5), 60]] });
  const other = await addOrganization(db, "other", { homeAreaCode: OTHER.community });
  for (let i = 1; i <= 3; i++) {
    await addActivity(db, `other_${i}`, other.orgId, { day: `2021-09-${n(i)}`, grantId: "grant_t_other", verification: VerificationStatus.ORG_CONFIRMED, lines: [[other.leaderId, 60]] });
  }
});

const ORG_ACTIVITIES = `query($id: ID!, $period: DateRangeInput, $first: Int, $after: String) {
  organization(id: $id) {
    activities(period: $period, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id title type startsAt verification volunteerMinutes beneficiaryVisits area { code } grant { id } leadOrganizer { id }
              volunteerLines { minutes role person { id displayName } } }
    }
    serviceStats(period: { from: "2021-01-01", to: "2021-12-31" }) { serviceEvents volunteerHours }
  }
}`;

test("the organization's leader pages through its records with every volunteer line", async () => {
  const first = (await gql(ORG_ACTIVITIES, { id: TEAM, period: JUNE_2021, first: 5 }, LEADER)).organization.activities;
  expect(first.totalCount).toBe(JUNE.length);
  expect(first.nodes.map((n: { id: string }) => n.id)).toEqual(JUNE.slice(0, 5).map((a) => a.id));
  expect(first.pageInfo.hasNextPage).toBe(true);
  const node = first.nodes[0];
  const lines = JUNE[0].lines;
  expect(node).toMatchObject({ verification: "SUPERVISOR_VERIFIED", area: { code: HOME.community }, grant: { id: "grant_t_reads" }, leadOrganizer: { id: lines[0][0] } });
  expect(node.volunteerLines.map((l: { person: { id: string }; minutes: number }) => [l.person.id, l.minutes])).toEqual(lines);
  expect(node.startsAt).toMatch(/\+08:00$/);
  const second = (await gql(ORG_ACTIVITIES, { id: TEAM, period: JUNE_2021, first: 5, after: first.pageInfo.endCursor }, LEADER)).organization.activities;
  expect(second.nodes.map((n: { id: string }) => n.id)).toEqual(JUNE.slice(5, 10).map((a) => a.id));
});

test("demo: partners and anonymous callers get no records but the public totals (§9.2 Agg)", async () => {
  for (const claims of [{}, { roles: ["PARTNER"] }, { personId: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] }] as Partial<Claims>[]) {
    const organization = (await gql(ORG_ACTIVITIES, { id: "org_lezhulin", period: YEAR_2021 }, claims, demoSubgraph)).organization;
    expect(organization.activities).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    expect(organization.serviceStats).toEqual({ serviceEvents: 86, volunteerHours: "1629.5" });
  }
  const grant = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Grant { activities { totalCount } activitySummary { serviceEvents } } } }`, { reps: [{ __typename: "Grant", id: "grant_cq2021_6080" }] }, {}, demoSubgraph);
  expect(grant._entities[0]).toEqual({ activities: { totalCount: 0 }, activitySummary: { serviceEvents: 86 } });
});

test("volunteer lines: a member sees their own line, admins only totals, staff in scope everything (§9.3)", async () => {
  const lines = async (claims: Partial<Claims>) => {
    const nodes = (await gql(ORG_ACTIVITIES, { id: TEAM, period: JUNE_2021, first: 100 }, claims)).organization.activities.nodes as { id: string; volunteerMinutes: number; volunteerLines: { person: { id: string } }[] }[];
    expect(nodes).toHaveLength(JUNE.length);
    return nodes;
  };
  const linesOf = (id: string) => JUNE.find((a) => a.id === id)!.lines;
  for (const node of await lines(memberOf(TEAM, p(5)))) {
    const own = linesOf(node.id).some(([personId]) => personId === p(5));
    expect(node.volunteerLines.map((l) => l.person.id)).toEqual(own ? [p(5)] : []);
  }
  for (const node of await lines(federationAdmin())) {
    expect(node.volunteerLines).toEqual([]);
    expect(node.volunteerMinutes).toBeGreaterThan(0);
  }
  for (const claims of [streetStaffOf(HOME.street), supervisorOf([TEAM])]) {
    for (const node of await lines(claims)) expect(node.volunteerLines.length).toBe(linesOf(node.id).length);
  }
  // staff of another street see only the totals
  const other = (await gql(ORG_ACTIVITIES, { id: TEAM, period: JUNE_2021 }, streetStaffOf(OTHER.street, "per_t_other_clerk"))).organization;
  expect(other.activities.totalCount).toBe(0);
});

test("demo: Area.serviceStats sums every organization in the subtree and counts volunteers and organizations once", async () => {
  const expected = (organizationIds: string[]) => {
    const activities = organizationIds.flatMap((id) => demoIn(id, YEAR_2021));
    const ids = new Set(activities.map((a) => a.id));
    const lines = demo.lines.filter((l) => ids.has(l.activityId));
    const minutes = lines.reduce((s, l) => s + l.minutes, 0);
    return {
      serviceEvents: activities.length,
      beneficiaryVisits: activities.reduce((s, a) => s + a.beneficiaryVisits, 0),
      volunteerMinutes: minutes,
      volunteerHours: String(minutes / 60),
      activeVolunteers: new Set(lines.map((l) => l.personId)).size,
      activeOrganizations: new Set(activities.map((a) => a.organizationId)).size,
    };
  };
  const data = await gql(`query($period: DateRangeInput!) {
    city: area(code: "340100") { serviceStats(period: $period) { serviceEvents beneficiaryVisits volunteerMinutes volunteerHours activeVolunteers activeOrganizations } }
    street: area(code: "340111X01") { serviceStats(period: $period) { serviceEvents beneficiaryVisits volunteerMinutes volunteerHours activeVolunteers activeOrganizations } }
    tongling: area(code: "340700X01C01P01") { serviceStats(period: $period) { serviceEvents activeOrganizations } }
    streets: areas(levels: [STREET, FUNCTIONAL_ZONE]) { code serviceStats(period: $period) { serviceEvents } }
  }`, { period: YEAR_2021 }, {}, demoSubgraph);
  expect(data.street.serviceStats).toEqual({ ...expected(["org_lezhulin"]), volunteerHours: "1629.5" });
  expect(data.city.serviceStats).toEqual(expected(["org_lezhulin", "org_jiaqiao"]));
  expect(data.city.serviceStats.activeOrganizations).toBe(2);
  // the dance team's home is the community, not the compound below it
  expect(data.tongling.serviceStats).toEqual({ serviceEvents: 0, activeOrganizations: 0 });
  expect(data.streets).toEqual([
    { code: "340104Z01", serviceStats: { serviceEvents: demoIn("org_jiaqiao", YEAR_2021).length } },
    { code: "340111X01", serviceStats: { serviceEvents: 86 } },
  ]);
});

test("a period that runs backwards is BAD_USER_INPUT", async () => {
  const { body } = await signedRequest(subgraph.url, `query($id: ID!) { organization(id: $id) { serviceStats(period: { from: "2021-12-31", to: "2021-01-01" }) { serviceEvents } } }`, { id: TEAM });
  expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "period" });
});

test("Grant reference stubs: malformed or foreign ids resolve to null, never reaching SQL", async () => {
  const data = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Grant { id activitySummary { serviceEvents } activities { totalCount } } } }`, {
    reps: [{ __typename: "Grant", id: "grant_t_other" }, { __typename: "Grant", id: TEAM }, { __typename: "Grant", id: "x'; DROP TABLE service_activities; --" }],
  }, LEADER);
  // the other team's 3 records count on its grant; this team's leader may not read them
  expect(data._entities[0]).toEqual({ id: "grant_t_other", activitySummary: { serviceEvents: 3 }, activities: { totalCount: 0 } });
  expect(data._entities[1]).toBeNull();
  expect(data._entities[2]).toBeNull();
});
