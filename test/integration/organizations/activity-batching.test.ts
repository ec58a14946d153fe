import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { Area } from "@subgraphs/organizations/directory/area.entity";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { ServiceActivity } from "@subgraphs/organizations/activities/service-activity.entity";
import { VolunteerHourLine } from "@subgraphs/organizations/activities/volunteer-hour-line.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { AreaLevel } from "@subgraphs/organizations/directory/directory.enums";

let subgraph: RunningSubgraph;
const COUNT = 50;
const n = (i: number) => String(i).padStart(2, "0");
const orgId = (i: number) => `org_actbatch_${n(i)}`;
const grantId = (i: number) => `grant_actbatch_${n(i)}`;
const areaCode = (i: number) => `340111X01C${i + 10}`;
// staff of 常青街道 see every record and line of the batch
const STAFF: Partial<Claims> = { personId: "per_cq_street_clerk", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] };
const PERIOD = { from: "2021-01-01", to: "2021-12-31" };

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
  const db = subgraph.db;
  const template = await db.getRepository(Organization).findOneByOrFail({ id: "org_lezhulin" });
  const activityTemplate = await db.getRepository(ServiceActivity).findOneByOrFail({ id: "act_lzl_2021_001" });
  await db.getRepository(Area).insert(Array.from({ length: COUNT }, (_, i) => ({ code: areaCode(i), name: `批量社区${i}`, level: AreaLevel.COMMUNITY, parentCode: "340111X01", path: `340100/340111/340111X01/${areaCode(i)}/` })));
  await db.getRepository(Organization).insert(Array.from({ length: COUNT }, (_, i) => ({ ...template, id: orgId(i), name: `批量服务队${i}`, homeAreaCode: areaCode(i) })));
  const activities = Array.from({ length: COUNT }, (_, i) => [0, 1].map((k) => ({ ...activityTemplate, id: `act_actbatch_${n(i)}_${k}`, organizationId: orgId(i), grantId: grantId(i), areaCode: areaCode(i), volunteerMinutes: 400, leadOrganizerId: k ? "per_lzl_bb1" : "per_lzl_bb2" }))).flat();
  await db.getRepository(ServiceActivity).insert(activities);
  await db.getRepository(VolunteerHourLine).insert(
    activities.flatMap((a) => ["per_lzl_m01", "per_lzl_m02"].map((personId, k) => ({ id: `vline_${a.id.slice(4)}_${k}`, activityId: a.id, personId, serviceDay: a.serviceDay, minutes: 200, role: null }))),
  );
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

/** Statements one query costs for these representations, after checking its answer. */
async function statementsFor(query: string, reps: Record<string, string>[], check: (entities: any[]) => void): Promise<number> {
  let entities: any[] = [];
  const statements = await countStatements(subgraph.db, async () => {
    const { body } = await signedRequest(subgraph.url, query, query.includes("$period") ? { reps, period: PERIOD } : { reps }, STAFF);
    expect(body.errors).toBeUndefined();
    entities = body.data._entities;
  });
  expect(entities).toHaveLength(reps.length);
  check(entities);
  return statements;
}

const ORGS = `query($reps: [_Any!]!, $period: DateRangeInput!) { _entities(representations: $reps) { ... on Organization {
  id
  serviceStats(period: $period) { serviceEvents volunteerMinutes activeVolunteers activeOrganizations }
  activities(period: $period) { totalCount nodes { id title organization { name } area { name } leadOrganizer { displayName } grant { id } booking { id }
    volunteerLines { minutes person { displayName } } } }
} } }`;

test("Organization.activities (with lines, people, areas) and serviceStats: 50 organizations cost what 5 do", async () => {
  const reps = (count: number) => Array.from({ length: count }, (_, i) => ({ __typename: "Organization", id: orgId(i) }));
  const check = (entities: any[]) => {
    for (const org of entities) {
      expect(org.serviceStats).toEqual({ serviceEvents: 2, volunteerMinutes: 800, activeVolunteers: 2, activeOrganizations: 1 });
      expect(org.activities.totalCount).toBe(2);
      expect(org.activities.nodes[0].volunteerLines).toHaveLength(2);
      expect(org.activities.nodes[0].area.name).toMatch(/^批量社区/);
    }
  };
  expect(await statementsFor(ORGS, reps(COUNT), check)).toBe(await statementsFor(ORGS, reps(5), check));
});

const GRANTS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Grant {
  id activitySummary { serviceEvents volunteerMinutes activeVolunteers } activities { totalCount nodes { id organization { name } volunteerLines { minutes } } }
} } }`;

test("Grant.activities and Grant.activitySummary: 50 grants cost what 5 do", async () => {
  const reps = (count: number) => Array.from({ length: count }, (_, i) => ({ __typename: "Grant", id: grantId(i) }));
  const check = (entities: any[]) => {
    for (const grant of entities) {
      expect(grant.activitySummary).toEqual({ serviceEvents: 2, volunteerMinutes: 800, activeVolunteers: 2 });
      expect(grant.activities.totalCount).toBe(2);
    }
  };
  expect(await statementsFor(GRANTS, reps(COUNT), check)).toBe(await statementsFor(GRANTS, reps(5), check));
});

const AREAS = `query($reps: [_Any!]!, $period: DateRangeInput!) { _entities(representations: $reps) { ... on Area { code serviceStats(period: $period) { serviceEvents activeOrganizations activeVolunteers } } } }`;

test("Area.serviceStats: 50 areas cost what 5 do", async () => {
  const reps = (count: number) => Array.from({ length: count }, (_, i) => ({ __typename: "Area", code: areaCode(i) }));
  const check = (entities: any[]) => {
    for (const area of entities) expect(area.serviceStats).toEqual({ serviceEvents: 2, activeOrganizations: 1, activeVolunteers: 2 });
  };
  expect(await statementsFor(AREAS, reps(COUNT), check)).toBe(await statementsFor(AREAS, reps(5), check));
});
