import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { ServiceActivity } from "@subgraphs/organizations/activities/service-activity.entity";
import { VolunteerHourLine } from "@subgraphs/organizations/activities/volunteer-hour-line.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";

let subgraph: RunningSubgraph;

const LEADER: Partial<Claims> = { personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] };
const MEMBER: Partial<Claims> = { personId: "per_lzl_m05", roles: ["ORG_MEMBER"], orgIds: ["org_lezhulin"] };
const SUPERVISOR: Partial<Claims> = { personId: "per_wu_supervisor", roles: ["SUPERVISOR"], orgIds: ["org_lezhulin"] };
const OTHER_SUPERVISOR: Partial<Claims> = { personId: "per_shen_worker", roles: ["SUPERVISOR"], orgIds: ["org_jiaqiao"] };
const JQ_LEADER: Partial<Claims> = { personId: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] };

beforeAll(async () => {
  // two days after M9's round: on time for the 30-day rule (§3.10 "及时")
  pinClock(new Date("2021-06-20T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

const gql = async (query: string, variables: Record<string, unknown>, claims: Partial<Claims> = {}) => (await signedRequest(subgraph.url, query, variables, claims)).body;

const SUMMARY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Grant { id activitySummary { serviceEvents beneficiaryVisits volunteerMinutes volunteerHours activeVolunteers activeOrganizations } } } }`;
const grantSummary = async (id: string) => (await gql(SUMMARY, { reps: [{ __typename: "Grant", id }] })).data._entities[0].activitySummary;

const RECORD = `mutation($input: RecordServiceActivityInput!) {
  recordServiceActivity(input: $input) { id type volunteerMinutes beneficiaryVisits verification grant { id activitySummary { serviceEvents volunteerHours } } }
}`;
const VERIFY = `mutation($id: ID!, $status: VerificationStatus!, $comment: String) { verifyServiceActivity(id: $id, status: $status, comment: $comment) { id verification } }`;
const CORRECT = `mutation($id: ID!, $input: RecordServiceActivityInput!, $reason: String!) { correctServiceActivity(id: $id, input: $input, reason: $reason) { id volunteerMinutes verification } }`;

// M9 exactly as operations.graphql gives it
const M9_INPUT = {
  organizationId: "org_lezhulin",
  title: "一对一入户探访(第20轮)",
  type: "HOME_VISIT",
  startsAt: "2021-06-18T09:00:00+08:00",
  endsAt: "2021-06-18T11:30:00+08:00",
  areaCode: "340111X01C01",
  grantId: "grant_cq2021_6080",
  leadOrganizerId: "per_lzl_bb2",
  volunteerLines: ["per_lzl_bb2", "per_lzl_m05", "per_lzl_m06", "per_lzl_m07", "per_lzl_m08", "per_lzl_m09", "per_lzl_m10"].map((personId) => ({ personId, minutes: 150 })),
  beneficiaryVisits: 13,
};

const visit = (day: string, from: string, to: string, lines: [string, number][], extra: Record<string, unknown> = {}) => ({
  organizationId: "org_lezhulin",
  title: "一对一入户探访(补充)",
  type: "HOME_VISIT",
  startsAt: `${day}T${from}:00+08:00`,
  endsAt: `${day}T${to}:00+08:00`,
  areaCode: "340111X01C01",
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
  const body = await gql(RECORD, { input: M9_INPUT }, LEADER);
  expect(body.errors).toBeUndefined();
  const recorded = body.data.recordServiceActivity;
  expect(recorded).toMatchObject({ type: "HOME_VISIT", volunteerMinutes: 1050, beneficiaryVisits: 13, verification: "UNVERIFIED" });
  expect(recorded.id).toMatch(/^act_[0-9A-Z]{26}$/);
  // UNVERIFIED records are not grant outputs yet (§3.10)
  expect(recorded.grant).toEqual({ id: "grant_cq2021_6080", activitySummary: { serviceEvents: 86, volunteerHours: "1629.5" } });

  const confirmed = await gql(VERIFY, { id: recorded.id, status: "ORG_CONFIRMED" }, LEADER);
  expect(confirmed.data.verifyServiceActivity).toEqual({ id: recorded.id, verification: "ORG_CONFIRMED" });
  expect(await grantSummary("grant_cq2021_6080")).toMatchObject({ serviceEvents: 87, beneficiaryVisits: 1580, volunteerMinutes: 98_820, volunteerHours: "1647" });
});

test("a volunteer line longer than the activity plus 60 min preparation is BAD_USER_INPUT naming the person and the maximum", async () => {
  const error = await rejected(RECORD, { input: visit("2021-06-19", "09:00", "11:30", [["per_lzl_m05", 150], ["per_lzl_m06", 211]]) }, LEADER, "BAD_USER_INPUT");
  expect(error.extensions).toMatchObject({ personId: "per_lzl_m06", maxMinutes: 210 });
  expect(error.message).toContain("per_lzl_m06");
});

test("17 hours in one day across two activities of two organizations is BAD_USER_INPUT naming the person and day", async () => {
  // a Thursday: no demo activity that day
  const first = await gql(RECORD, { input: visit("2021-06-17", "07:00", "16:00", [["per_lzl_m11", 600]]) }, LEADER);
  expect(first.errors).toBeUndefined();
  const patrol = { ...visit("2021-06-17", "16:00", "23:00", [["per_lzl_m11", 420]]), organizationId: "org_jiaqiao", type: "PATROL", title: "小区夜间巡逻", areaCode: "340104Z01C01P01" };
  const error = await rejected(RECORD, { input: patrol }, JQ_LEADER, "BAD_USER_INPUT");
  expect(error.extensions).toMatchObject({ personId: "per_lzl_m11", day: "2021-06-17", recordedMinutes: 600, maxMinutes: 360 });
  expect(error.message).toMatch(/per_lzl_m11.*2021-06-17/);
  // within the limit it is fine across organizations
  expect((await gql(RECORD, { input: { ...patrol, volunteerLines: [{ personId: "per_lzl_m11", minutes: 360 }] } }, JQ_LEADER)).errors).toBeUndefined();
});

test("a recorder from another organization, or one who is not its member, is FORBIDDEN (谁组织谁记录)", async () => {
  const input = visit("2021-06-19", "14:00", "16:00", [["per_lzl_m05", 120]]);
  const error = await rejected(RECORD, { input }, JQ_LEADER, "FORBIDDEN");
  expect(error.message).toMatch(/乐竹邻志愿服务队/);
  await rejected(RECORD, { input }, { ...JQ_LEADER, orgIds: ["org_lezhulin"] }, "FORBIDDEN");
  await rejected(RECORD, { input }, SUPERVISOR, "FORBIDDEN");
  await rejected(RECORD, { input }, {}, "FORBIDDEN");
  expect((await gql(RECORD, { input }, MEMBER)).errors).toBeUndefined();
});

test("a record more than 30 days late is accepted but needs the supervisor's approval, not the leader's", async () => {
  const input = visit("2021-05-11", "09:00", "11:30", [["per_lzl_m05", 150]]);
  const { data, errors } = await gql(RECORD, { input }, LEADER);
  expect(errors).toBeUndefined();
  const id = data.recordServiceActivity.id;
  const error = await rejected(VERIFY, { id, status: "ORG_CONFIRMED" }, LEADER, "FORBIDDEN");
  expect(error.message).toMatch(/30 days/);
  expect((await gql(VERIFY, { id, status: "SUPERVISOR_VERIFIED" }, SUPERVISOR)).data.verifyServiceActivity.verification).toBe("SUPERVISOR_VERIFIED");
});

test("bad values are BAD_USER_INPUT and write nothing", async () => {
  const ok = visit("2021-06-19", "14:00", "16:00", [["per_lzl_m05", 120]]);
  await rejected(RECORD, { input: { ...ok, endsAt: "2021-06-19T13:00:00+08:00" } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, beneficiaryVisits: -1 } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, volunteerLines: [{ personId: "per_nobody", minutes: 60 }] } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, volunteerLines: [{ personId: "per_lzl_m05", minutes: 0 }] } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, areaCode: "340111X01C99" } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, grantId: "org_lezhulin" } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, bookingId: "grant_cq2021_6080" } }, LEADER, "BAD_USER_INPUT");
  await rejected(RECORD, { input: { ...ok, organizationId: "org_nobody" } }, LEADER, "NOT_FOUND");
  await rejected(RECORD, { input: { ...ok, startsAt: "2021-06-21T09:00:00+08:00", endsAt: "2021-06-21T10:00:00+08:00" } }, LEADER, "BAD_USER_INPUT");
});

test("verification: the leader confirms, the supervisor verifies or rejects; anyone else is FORBIDDEN; no step back", async () => {
  const { data } = await gql(RECORD, { input: visit("2021-06-19", "09:00", "10:00", [["per_lzl_m07", 60]]) }, LEADER);
  const id = data.recordServiceActivity.id;
  await rejected(VERIFY, { id, status: "ORG_CONFIRMED" }, MEMBER, "FORBIDDEN");
  await rejected(VERIFY, { id, status: "SUPERVISOR_VERIFIED" }, LEADER, "FORBIDDEN");
  await rejected(VERIFY, { id, status: "SUPERVISOR_VERIFIED" }, OTHER_SUPERVISOR, "FORBIDDEN");
  await rejected(VERIFY, { id, status: "REJECTED" }, SUPERVISOR, "BAD_USER_INPUT"); // no reason given
  await rejected(VERIFY, { id, status: "UNVERIFIED" }, LEADER, "BAD_USER_INPUT");
  await rejected(VERIFY, { id: "act_nobody", status: "ORG_CONFIRMED" }, LEADER, "NOT_FOUND");
  expect((await gql(VERIFY, { id, status: "SUPERVISOR_VERIFIED" }, SUPERVISOR)).data.verifyServiceActivity.verification).toBe("SUPERVISOR_VERIFIED");
  const conflict = await rejected(VERIFY, { id, status: "ORG_CONFIRMED" }, LEADER, "CONFLICT");
  expect(conflict.extensions).toMatchObject({ state: "SUPERVISOR_VERIFIED", allowed: [] });
});

test("a correction writes a new version, keeps the old one, and only the current version counts", async () => {
  const input = visit("2021-06-18", "14:00", "23:00", [["per_lzl_m12", 600]], { grantId: "grant_corrections" });
  const { data } = await gql(RECORD, { input }, LEADER);
  const original = data.recordServiceActivity.id;
  await gql(VERIFY, { id: original, status: "ORG_CONFIRMED" }, LEADER);

  await rejected(CORRECT, { id: original, input, reason: " " }, LEADER, "BAD_USER_INPUT");
  await rejected(CORRECT, { id: original, input, reason: "时长有误" }, JQ_LEADER, "FORBIDDEN");
  await rejected(CORRECT, { id: original, input: { ...input, organizationId: "org_jiaqiao" }, reason: "时长有误" }, LEADER, "BAD_USER_INPUT");
  // the version being replaced does not count towards the 16 h: 600 + 590 would exceed it
  const corrected = await gql(CORRECT, { id: original, input: { ...input, volunteerLines: [{ personId: "per_lzl_m12", minutes: 590 }] }, reason: "志愿者申请更正:少计10分钟" }, MEMBER);
  expect(corrected.errors).toBeUndefined();
  const next = corrected.data.correctServiceActivity;
  expect(next).toMatchObject({ volunteerMinutes: 590, verification: "UNVERIFIED" });

  const repository = subgraph.db.getRepository(ServiceActivity);
  expect(await repository.findOneByOrFail({ id: original })).toMatchObject({ version: 1, supersededById: next.id, volunteerMinutes: 600 });
  expect(await repository.findOneByOrFail({ id: next.id })).toMatchObject({ version: 2, supersedesId: original, correctionReason: "志愿者申请更正:少计10分钟", recordedById: "per_lzl_m05" });
  expect(await subgraph.db.getRepository(VolunteerHourLine).countBy({ activityId: original })).toBe(1);

  const conflict = await rejected(CORRECT, { id: original, input, reason: "再次更正" }, LEADER, "CONFLICT");
  expect(conflict.extensions).toMatchObject({ currentId: next.id });
  await rejected(VERIFY, { id: original, status: "SUPERVISOR_VERIFIED" }, SUPERVISOR, "CONFLICT");

  const list = await gql(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Grant { activities { totalCount nodes { id volunteerMinutes } } activitySummary { serviceEvents } } } }`, { reps: [{ __typename: "Grant", id: "grant_corrections" }] }, LEADER);
  expect(list.data._entities[0]).toEqual({ activities: { totalCount: 1, nodes: [{ id: next.id, volunteerMinutes: 590 }] }, activitySummary: { serviceEvents: 0 } });
});
