import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { AreaLevel } from "@subgraphs/organizations/directory/directory.enums";
import { DEMO_NOW, addActivity, addArea, addOrganization, addStreet, streetStaffOf } from "./fixtures";

let subgraph: RunningSubgraph;
const COUNT = 50;
const n = (i: number) => String(i).padStart(2, "0");
const orgId = (i: number) => `org_t_actbatch_${n(i)}`;
const grantId = (i: number) => `grant_t_actbatch_${n(i)}`;
let STREET = "";
const areaCode = (i: number) => `${STREET}C${i + 10}`;
// staff of the test street see every record and line of the batch
let STAFF: Partial<Claims>;
const PERIOD = { from: "2021-01-01", to: "2021-12-31" };

// 50 communities of a test street, each home to a team of two whose two 2021 records (on its own grant) each have
// both members for 200 minutes, led by one member and then the other.
beforeAll(async () => {
  pinClock(DEMO_NOW);
  subgraph = await startTestSubgraph(organizationsSubgraph);
  const db = subgraph.db;
  STREET = (await addStreet(db, "BATCH")).street;
  STAFF = streetStaffOf(STREET, "per_t_batch_clerk");
  for (let i = 0; i < COUNT; i++) {
    await addArea(db, areaCode(i), { name: `批量社区${i}`, level: AreaLevel.COMMUNITY, parentCode: STREET });
    const team = await addOrganization(db, `actbatch_${n(i)}`, { name: `批量服务队${i}`, homeAreaCode: areaCode(i), members: 2 });
    for (const k of [0, 1]) {
      const [lead, other] = k ? [team.memberIds[1], team.memberIds[0]] : team.memberIds;
      await addActivity(db, `actbatch_${n(i)}_${k}`, team.orgId, { day: k ? "2021-03-13" : "2021-03-06", from: "09:00", to: "12:30", grantId: grantId(i), lines: [[lead, 200], [other, 200]] });
    }
  }
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
