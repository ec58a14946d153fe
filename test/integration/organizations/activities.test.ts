import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { ServiceActivity } from "@subgraphs/organizations/activities/service-activity.entity";
import { VolunteerHourLine } from "@subgraphs/organizations/activities/volunteer-hour-line.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { ANONYMOUS, addOrganization, addStreet, leaderOf, memberOf, personId, rosterRoles, supervisorOf } from "./fixtures";

let subgraph: RunningSubgraph;

beforeAll(async () => {
  // two days after M9's round: on time for the 30-day rule (§3.10 "及时")
  pinClock(new Date("2021-06-20T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

// A team 邻里测试队 of 12 on a test street (its leader 1, deputy 2, backbone 3–4, members 5–12), supervised by a
// worker of its own; a team on another street with its own leader and supervisor. Grants live in the funding
// subgraph: here they are ids only. The demo's §10.3 figures are checked on their own below.
const p = (i: number) => personId("lzl", i);
let TEAM: string, OTHER_TEAM: string, HOME_COMMUNITY: string, OTHER_COMMUNITY: string;
let LEADER: Partial<Claims>, MEMBER: Partial<Claims>, SUPERVISOR: Partial<Claims>, OTHER_SUPERVISOR: Partial<Claims>, JQ_LEADER: Partial<Claims>;
beforeAll(async () => {
  const db = subgraph.db;
  const home = await addStreet(db, "ACT");
  const other = await addStreet(db, "OTHER");
  [HOME_COMMUNITY, OTHER_COMMUNITY] = [home.community, other.community];
  const team = await addOrganization(db, "lzl", { name: "邻里测试队", homeAreaCode: home.community, members: 12, roles: rosterRoles(12) });
  const otherTeam = await addOrganization(db, "jq", { name: "巡逻测试队", homeAreaCode: other.community });
  [TEAM, OTHER_TEAM] = [team.orgId, otherTeam.orgId];
  LEADER = leaderOf(TEAM, team.leaderId);
  MEMBER = memberOf(TEAM, p(5));
  SUPERVISOR = supervisorOf([TEAM], "per_t_supervisor");
  OTHER_SUPERVISOR = supervisorOf([OTHER_TEAM], "per_t_other_supervisor");
  JQ_LEADER = leaderOf(OTHER_TEAM, otherTeam.leaderId);
});

const gql = async (query: string, variables: Record<string, unknown>, claims: Partial<Claims> = {}) => (await signedRequest(subgraph.url, query, variables, claims)).body;

const SUMMARY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Grant { id activitySummary { serviceEvents beneficiaryVisits volunteerMinutes volunteerHours activeVolunteers activeOrganizations } } } }`;
const grantSummary = async (id: string) => (await gql(SUMMARY, { reps: [{ __typename: "Grant", id }] })).data._entities[0].activitySummary;

const RECORD = `mutation($input: RecordServiceActivityInput!) {
  recordServiceActivity(input: $input) { id type volunteerMinutes beneficiaryVisits verification grant { id activitySummary { serviceEvents volunteerHours } } }
}`;
const VERIFY = `mutation($id: ID!, $status: VerificationStatus!, $comment: String) { verifyServiceActivity(id: $id, status: $status, comment: $comment) { id verification } }`;
const CORRECT = `mutation($id: ID!, $input: RecordServiceActivityInput!, $reason: String!) { correctServiceActivity(id: $id, input: $input, reason: $reason) { id volunteerMinutes verification } }`;

// M9's round (operations.graphql) on the test's own team and grant
const m9Input = () => ({
  organizationId: TEAM,
  title: "一对一入户探访(第20轮)",
  type: "HOME_VISIT",
  startsAt: "2021-06-18T09:00:00+08:00",
  endsAt: "2021-06-18T11:30:00+08:00",
  areaCode: HOME_COMMUNITY,
  grantId: "grant_t_m9",
  leadOrganizerId: p(4),
  volunteerLines: [4, 5, 6, 7, 8, 9, 10].map((i) => ({ personId: p(i), minutes: 150 })),
  beneficiaryVisits: 13,
});

const visit = (day: string, from: string, to: string, lines: [string, number][], extra: Record<string, unknown> = {}) => ({
  organizationId: TEAM,
  title: "一对一入户探访(补充)",
  type: "HOME_VISIT",
  startsAt: `${day}T${from}:00+08:00`,
  endsAt: `${day}T${to}:00+08:00`,
  areaCode: HOME_COMMUNITY,
  volunteerLines: lines.map(([personId, minutes]) => ({ personId, minutes })),
  beneficiaryVisits: 5,
  ...extra,
});

async function rows(): Promise<[number, number]> {
  return [await subgraph.db.getRepository(ServiceActivity).count(), await subgraph.db.getRepository(VolunteerHourLine).count()];
}

/** Runs a mutation that must fail with `code`, and checks that it wrote nothing. */
async function rejected(query: string, variables: Record<string, unknown>, claims: Partial<Claims>, code: string) {
  const before = await rows();
  const body = await gql(query, variables, claims);
  expect(body.errors?.[0].extensions?.code).toBe(code);
  expect(await rows()).toEqual(before);
  return body.errors![0];
}

test("§10.3 demo: grant_cq2021_6080 sums to 86 events, 1,567 visits, 97,770 min = 1629.5 h; 乐竹邻's 2021 stats match", async () => {
  expect(await grantSummary("grant_cq2021_6080")).toEqual({ serviceEvents: 86, beneficiaryVisits: 1567, volunteerMinutes: 97_770, volunteerHours: "1629.5", activeVolunteers: 21, activeOrganizations: 1 });
  const body = await gql(`{ organization(id: "org_lezhulin") { memberCount serviceStats(period: { from: "2021-01-01", to: "2021-12-31" }) { serviceEvents beneficiaryVisits volunteerMinutes volunteerHours activeOrganizations } } }`, {});
  expect(body.errors).toBeUndefined();
  expect(body.data.organization).toEqual({ memberCount: 21, serviceStats: { serviceEvents: 86, beneficiaryVisits: 1567, volunteerMinutes: 97_770, volunteerHours: "1629.5", activeOrganizations: 1 } });
  const h1 = await gql(`{ organization(id: "org_lezhulin") { serviceStats(period: { from: "2021-01-01", to: "2021-06-30" }) { serviceEvents beneficiaryVisits volunteerMinutes } } }`, {});
  expect(h1.data.organization.serviceStats).toEqual({ serviceEvents: 43, beneficiaryVisits: 796, volunteerMinutes: 49_560 });
});

test("M9: the leader records a home-visit round; it counts towards the grant once the leader confirms it", async () => {
  const body = await gql(RECORD, { input: m9Input() }, LEADER);
  expect(body.errors).toBeUndefined();
  const recorded = body.data.recordServiceActivity;
  expect(recorded).toMatchObject({ type: "HOME_VISIT", volunteerMinutes: 1050, beneficiaryVisits: 13, verification: "UNVERIFIED" });
  expect(recorded.id).toMatch(/^act_[0-9A-Z]{26}$/);
  // UNVERIFIED records are not grant outputs yet (§3.10)
  expect(recorded.grant).toEqual({ id: "grant_t_m9", activitySummary: { serviceEvents: 0, volunteerHours: "0" } });

  const confirmed = await gql(VERIFY, { id: recorded.id, status: "ORG_CONFIRMED" }, LEADER);
  expect(confirmed.data.verifyServiceActivity).toEqual({ id: recorded.id, verification: "ORG_CONFIRMED" });
  expect(await grantSummary("grant_t_m9")).toMatchObject({ serviceEvents: 1, beneficiaryVisits: 13, volunteerMinutes: 1050, volunteerHours: "17.5" });
});

test("a volunteer line longer than the activity plus 60 min preparation is BAD_USER_INPUT naming the person and the maximum", async () => {
  const error = await rejected(RECORD, { input: visit("2021-06-19", "09:00", "11:30", [[p(5), 150], [p(6), 211]]) }, LEADER, "BAD_USER_INPUT");
  expect(error.extensions).toMatchObject({ personId: p(6), maxMinutes: 210 });
  expect(error.message).toContain(p(6));
});

test("17 hours in one day across two activities of two organizations is BAD_USER_INPUT naming the person and day", async () => {
  // member 11 has no other activity that day
  const first = await gql(RECORD, { input: visit("2021-06-17", "07:00", "16:00", [[p(11), 600]]) }, LEADER);
  expect(first.errors).toBeUndefined();
  const patrol = { ...visit("2021-06-17", "16:00", "23:00", [[p(11), 420]]), organizationId: OTHER_TEAM, type: "PATROL", title: "小区夜间巡逻", areaCode: OTHER_COMMUNITY };
  const error = await rejected(RECORD, { input: patrol }, JQ_LEADER, "BAD_USER_INPUT");
  expect(error.extensions).toMatchObject({ personId: p(11), day: "2021-06-17", recordedMinutes: 600, maxMinutes: 360 });
  expect(error.message).toMatch(new RegExp(`${p(11)}.*2021-06-17`));
  // within the limit it is fine across organizations
  expect((await gql(RECORD, { input: { ...patrol, volunteerLines: [{ personId: p(11), minutes: 360 }] } }, JQ_LEADER)).errors).toBeUndefined();
});

test("a recorder from another organization, one who is not its member, or a member who is not its leader is FORBIDDEN (谁组织谁记录, §9.2)", async () => {
  const input = visit("2021-06-19", "14:00", "16:00", [[p(5), 120]]);
  const error = await rejected(RECORD, { input }, JQ_LEADER, "FORBIDDEN");
  expect(error.message).toMatch(/邻里测试队/);
  await rejected(RECORD, { input }, { ...JQ_LEADER, orgIds: [TEAM] }, "FORBIDDEN");
  await rejected(RECORD, { input }, SUPERVISOR, "FORBIDDEN");
  await rejected(RECORD, { input }, ANONYMOUS, "FORBIDDEN");
  // §9.2 gives members R own on activities: they request corrections (below) but do not add records
  expect((await rejected(RECORD, { input }, MEMBER, "FORBIDDEN")).message).toMatch(/leader/);
  expect((await gql(RECORD, { input }, LEADER)).errors).toBeUndefined();
});

test("a record more than 30 days late is accepted but needs the supervisor's approval, not the leader's", async () => {
  const input = visit("2021-05-11", "09:00", "11:30", [[p(5), 150]]);
  const { data, errors } = await gql(RECORD, { input }, LEADER);
  expect(errors).toBeUndefined();
  const id = data.recordServiceActivity.id;
  const error = await rejected(VERIFY, { id, status: "ORG_CONFIRMED" }, LEADER, "FORBIDDEN");
  expect(error.message).toMatch(/30 days/);
  expect((await gql(VERIFY, { id, status: "SUPERVISOR_VERIFIED" }, SUPERVISOR)).data.verifyServiceActivity.verification).toBe("SUPERVISOR_VERIFIED");
});

test("bad values are BAD_USER_INPUT and write nothing", async () => {
  const ok = visit("2021-06-19", "14:00", "16:00", [[p(5), 120]]);
  await rejected(RECORD, { input: { ...ok, endsAt: "2021-06-19T13:00:00+08:00" } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, beneficiaryVisits: -1 } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, volunteerLines: [{ personId: "per_t_nobody", minutes: 60 }] } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, volunteerLines: [{ personId: p(5), minutes: 0 }] } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, areaCode: `${HOME_COMMUNITY.slice(0, -3)}C99` } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, grantId: TEAM } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, bookingId: "grant_t_m9" } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, organizationId: "org_t_nobody" } }, LEADER, "NOT_FOUND");
  await rejected(RECORD, { input: { ...ok, startsAt: "2021-06-21T09:00:00+08:00", endsAt: "2021-06-21T10:00:00+08:00" } }, LEADER, "BAD_USER_INPUT");
});

test("verification: the leader confirms, the supervisor verifies or rejects; anyone else is FORBIDDEN; no step back", async () => {
  const { data } = await gql(RECORD, { input: visit("2021-06-19", "09:00", "10:00", [[p(7), 60]]) }, LEADER);
  const id = data.recordServiceActivity.id;
  await rejected(VERIFY, { id, status: "ORG_CONFIRMED" }, MEMBER, "FORBIDDEN");
  await rejected(VERIFY, { id, status: "SUPERVISOR_VERIFIED" }, LEADER, "FORBIDDEN");
  await rejected(VERIFY, { id, status: "SUPERVISOR_VERIFIED" }, OTHER_SUPERVISOR, "FORBIDDEN");
  await rejected(VERIFY, { id, status: "REJECTED" }, SUPERVISOR, "BAD_USER_INPUT"); // no reason given
  await rejected(VERIFY, { id, status: "UNVERIFIED" }, LEADER, "BAD_USER_INPUT");
  await rejected(VERIFY, { id: "act_t_nobody", status: "ORG_CONFIRMED" }, LEADER, "NOT_FOUND");
  expect((await gql(VERIFY, { id, status: "SUPERVISOR_VERIFIED" }, SUPERVISOR)).data.verifyServiceActivity.verification).toBe("SUPERVISOR_VERIFIED");
  const conflict = await rejected(VERIFY, { id, status: "ORG_CONFIRMED" }, LEADER, "CONFLICT");
  expect(conflict.extensions).toMatchObject({ state: "SUPERVISOR_VERIFIED", allowed: [] });
});

test("a correction writes a new version, keeps the old one, and only the current version counts", async () => {
  const input = visit("2021-06-18", "14:00", "23:00", [[p(12), 600]], { grantId: "grant_t_corrections" });
  const { data } = await gql(RECORD, { input }, LEADER);
  const original = data.recordServiceActivity.id;
  await gql(VERIFY, { id: original, status: "ORG_CONFIRMED" }, LEADER);

  await rejected(CORRECT, { id: original, input, reason: " " }, LEADER, "BAD_USER_INPUT");
  await rejected(CORRECT, { id: original, input, reason: "时长有误" }, JQ_LEADER, "FORBIDDEN");
  await rejected(CORRECT, { id: original, input: { ...input, organizationId: OTHER_TEAM }, reason: "时长有误" }, LEADER, "BAD_USER_INPUT");
  // the version being replaced does not count towards the 16 h: 600 + 590 would exceed it
  const corrected = await gql(CORRECT, { id: original, input: { ...input, volunteerLines: [{ personId: p(12), minutes: 590 }] }, reason: "志愿者申请更正:少计10分钟" }, MEMBER);
  expect(corrected.errors).toBeUndefined();
  const next = corrected.data.correctServiceActivity;
  expect(next).toMatchObject({ volunteerMinutes: 590, verification: "UNVERIFIED" });

  const repository = subgraph.db.getRepository(ServiceActivity);
  expect(await repository.findOneByOrFail({ id: original })).toMatchObject({ version: 1, supersededById: next.id, volunteerMinutes: 600 });
  expect(await repository.findOneByOrFail({ id: next.id })).toMatchObject({ version: 2, supersedesId: original, correctionReason: "志愿者申请更正:少计10分钟", recordedById: p(5) });
  expect(await subgraph.db.getRepository(VolunteerHourLine).countBy({ activityId: original })).toBe(1);

  const conflict = await rejected(CORRECT, { id: original, input, reason: "再次更正" }, LEADER, "CONFLICT");
  expect(conflict.extensions).toMatchObject({ currentId: next.id });
  await rejected(VERIFY, { id: original, status: "SUPERVISOR_VERIFIED" }, SUPERVISOR, "CONFLICT");

  const list = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Grant { activities { totalCount nodes { id volunteerMinutes } } activitySummary { serviceEvents } } } }`, { reps: [{ __typename: "Grant", id: "grant_t_corrections" }] }, LEADER);
  expect(list.data._entities[0]).toEqual({ activities: { totalCount: 1, nodes: [{ id: next.id, volunteerMinutes: 590 }] }, activitySummary: { serviceEvents: 0 } });
});
