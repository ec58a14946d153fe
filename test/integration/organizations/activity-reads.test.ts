import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { demoActivities } from "@subgraphs/organizations/activities/activity.seed";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";

let subgraph: RunningSubgraph;

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today (DOMAIN §10)
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

const gql = async (query: string, variables: Record<string, unknown> = {}, claims: Partial<Claims> = {}) => {
  const { body } = await signedRequest(subgraph.url, query, variables, claims);
  expect(body.errors).toBeUndefined();
  return body.data;
};

const YEAR_2021 = { from: "2021-01-01", to: "2021-12-31" };
const JUNE_2021 = { from: "2021-06-01", to: "2021-06-30" };
const demo = demoActivities();
const demoIn = (organizationId: string, period: { from: string; to: string }) =>
  demo.activities.filter((a) => a.organizationId === organizationId && a.serviceDay >= period.from && a.serviceDay <= period.to);

const ORG_ACTIVITIES = `query($period: DateRangeInput, $first: Int, $after: String) {
  organization(id: "org_lezhulin") {
    activities(period: $period, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id title type startsAt verification volunteerMinutes beneficiaryVisits area { code } grant { id } leadOrganizer { id }
              volunteerLines { minutes role person { id displayName } } }
    }
    serviceStats(period: { from: "2021-01-01", to: "2021-12-31" }) { serviceEvents volunteerHours }
  }
}`;

const LEADER: Partial<Claims> = { personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] };

test("the organization's leader pages through its records with every volunteer line", async () => {
  const june = demoIn("org_lezhulin", JUNE_2021);
  const first = (await gql(ORG_ACTIVITIES, { period: JUNE_2021, first: 5 }, LEADER)).organization.activities;
  expect(first.totalCount).toBe(june.length);
  expect(first.nodes.map((n: { id: string }) => n.id)).toEqual(june.slice(0, 5).map((a) => a.id));
  expect(first.pageInfo.hasNextPage).toBe(true);
  const node = first.nodes[0];
  const lines = demo.lines.filter((l) => l.activityId === node.id);
  expect(node).toMatchObject({ verification: "SUPERVISOR_VERIFIED", area: { code: "340111X01C01" }, grant: { id: "grant_cq2021_6080" }, leadOrganizer: { id: lines[0].personId } });
  expect(node.volunteerLines.map((l: { person: { id: string }; minutes: number }) => [l.person.id, l.minutes])).toEqual(lines.map((l) => [l.personId, l.minutes]));
  expect(node.startsAt).toMatch(/\+08:00$/);
  const second = (await gql(ORG_ACTIVITIES, { period: JUNE_2021, first: 5, after: first.pageInfo.endCursor }, LEADER)).organization.activities;
  expect(second.nodes.map((n: { id: string }) => n.id)).toEqual(june.slice(5, 10).map((a) => a.id));
});

test("demo: partners and anonymous callers get no records but the public totals (§9.2 Agg)", async () => {
  for (const claims of [{}, { roles: ["PARTNER"] }, { personId: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] }] as Partial<Claims>[]) {
    const organization = (await gql(ORG_ACTIVITIES, { period: YEAR_2021 }, claims)).organization;
    expect(organization.activities).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    expect(organization.serviceStats).toEqual({ serviceEvents: 86, volunteerHours: "1629.5" });
  }
  const grant = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Grant { activities { totalCount } activitySummary { serviceEvents } } } }`, { reps: [{ __typename: "Grant", id: "grant_cq2021_6080" }] });
  expect(grant._entities[0]).toEqual({ activities: { totalCount: 0 }, activitySummary: { serviceEvents: 86 } });
});

test("volunteer lines: a member sees their own line, admins only totals, staff in scope everything (§9.3)", async () => {
  const lines = async (claims: Partial<Claims>) => {
    const nodes = (await gql(ORG_ACTIVITIES, { period: JUNE_2021, first: 100 }, claims)).organization.activities.nodes as { id: string; volunteerMinutes: number; volunteerLines: { person: { id: string } }[] }[];
    expect(nodes).toHaveLength(demoIn("org_lezhulin", JUNE_2021).length);
    return nodes;
  };
  for (const node of await lines({ personId: "per_lzl_m05", roles: ["ORG_MEMBER"], orgIds: ["org_lezhulin"] })) {
    const own = demo.lines.some((l) => l.activityId === node.id && l.personId === "per_lzl_m05");
    expect(node.volunteerLines.map((l) => l.person.id)).toEqual(own ? ["per_lzl_m05"] : []);
  }
  for (const node of await lines({ personId: "per_fa_admin", roles: ["FEDERATION_ADMIN"] })) {
    expect(node.volunteerLines).toEqual([]);
    expect(node.volunteerMinutes).toBeGreaterThan(0);
  }
  for (const claims of [{ personId: "per_cq_street_clerk", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] }, { personId: "per_wu_supervisor", roles: ["SUPERVISOR"], orgIds: ["org_lezhulin"] }] as Partial<Claims>[]) {
    for (const node of await lines(claims)) expect(node.volunteerLines.length).toBe(demo.lines.filter((l) => l.activityId === node.id).length);
  }
  // staff of another street see only the totals
  const other = (await gql(ORG_ACTIVITIES, { period: JUNE_2021 }, { personId: "per_sjk_staff", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] })).organization;
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
  }`, { period: YEAR_2021 });
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
  const { body } = await signedRequest(subgraph.url, `{ organization(id: "org_lezhulin") { serviceStats(period: { from: "2021-12-31", to: "2021-01-01" }) { serviceEvents } } }`);
  expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "period" });
});

test("Grant reference stubs: malformed or foreign ids resolve to null, never reaching SQL", async () => {
  const data = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Grant { id activitySummary { serviceEvents } activities { totalCount } } } }`, {
    reps: [{ __typename: "Grant", id: "grant_sjk_qinlin_jq" }, { __typename: "Grant", id: "org_lezhulin" }, { __typename: "Grant", id: "x'; DROP TABLE service_activities; --" }],
  }, LEADER);
  const jq = demo.activities.filter((a) => a.grantId === "grant_sjk_qinlin_jq");
  expect(data._entities[0]).toEqual({ id: "grant_sjk_qinlin_jq", activitySummary: { serviceEvents: jq.length }, activities: { totalCount: 0 } });
  expect(data._entities[1]).toBeNull();
  expect(data._entities[2]).toBeNull();
});
