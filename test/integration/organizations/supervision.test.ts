import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { SupervisionAssignment } from "@subgraphs/organizations/supervision/supervision-assignment.entity";
import { SupervisionVisit } from "@subgraphs/organizations/supervision/supervision-visit.entity";
import { supervisorsOf } from "@subgraphs/organizations/supervision/supervision.queries";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";

let subgraph: RunningSubgraph;

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today (DOMAIN §10)
  subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  pinClock(null);
  await subgraph?.stop();
});

const WU: Partial<Claims> = { personId: "per_wu_supervisor", roles: ["SUPERVISOR"], orgIds: ["org_ailin", "org_lezhulin"] };
const SHEN: Partial<Claims> = { personId: "per_shen_worker", roles: ["SUPERVISOR"], orgIds: ["org_shichuang", "org_jiaqiao"] };
const ZHANG_OL: Partial<Claims> = { personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] };
const AILIN_DIRECTOR: Partial<Claims> = { personId: "per_bai_director", roles: ["ORG_LEADER"], orgIds: ["org_ailin"] };
const FA: Partial<Claims> = { personId: "per_fa_admin", roles: ["FEDERATION_ADMIN"] };
const CQ_STAFF: Partial<Claims> = { personId: "per_cq_staff", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] };
const SJK_STAFF: Partial<Claims> = { personId: "per_sjk_staff", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] };
const ACADEMY: Partial<Claims> = { personId: "per_ac_staff", roles: ["ACADEMY_STAFF"], academyIds: ["acad_hf"] };

const SUPERVISION = `query($id: ID!, $last: Int) {
  organization(id: $id) { supervision { id since until agency { id name } supervisor { id } organization { id } visits(last: $last) { date type notes } } }
}`;

async function supervisionOf(orgId: string, claims: Partial<Claims>, last = 3) {
  const { body } = await signedRequest(subgraph.url, SUPERVISION, { id: orgId, last }, claims);
  expect(body.errors).toBeUndefined();
  return body.data.organization.supervision as { id: string; visits: { date: string; type: string; notes: string | null }[] }[];
}

const notesOf = async (claims: Partial<Claims>) => (await supervisionOf("org_lezhulin", claims))[0].visits.map((v) => v.notes);

const SHARED_APRIL = "与副队长商定骨干轮值:每月由一名骨干牵头组织集体生日会。建议吸收小区年轻居民参与手工活动。";
const PRIVATE_JUNE = "入户探访预案:按高龄老人风险分级安排探访频次,独居老人每周一次。探访名单由社区提供,不外传。";
const SHARED_DECEMBER = "年度总结:全年服务1567人次,志愿服务1629.5小时。下一年重点培养副队长,减轻对负责人的依赖。";

test("demo: Q7's supervision part: the supervisor sees the last visits of 乐竹邻 in date order with full notes", async () => {
  const [assignment] = await supervisionOf("org_lezhulin", WU);
  expect(assignment).toMatchObject({
    id: "sup_wu_lezhulin",
    since: "2020-01-01",
    until: null,
    agency: { id: "org_ailin", name: "合肥爱邻社会工作服务社" },
    supervisor: { id: "per_wu_supervisor" },
    organization: { id: "org_lezhulin" },
  });
  expect(assignment.visits).toEqual([
    { date: "2021-04-08", type: "BACKBONE_COACHING", notes: SHARED_APRIL },
    { date: "2021-06-15", type: "PLAN_DESIGN", notes: PRIVATE_JUNE },
    { date: "2021-12-06", type: "DEBRIEF", notes: SHARED_DECEMBER },
  ]);
  expect((await supervisionOf("org_lezhulin", WU, 1))[0].visits.map((v) => v.date)).toEqual(["2021-12-06"]);
});

test("notes are masked per §9.2: agency in full, leader only shared ones, admins and staff in scope a summary, others null", async () => {
  expect(await notesOf(AILIN_DIRECTOR)).toEqual([SHARED_APRIL, PRIVATE_JUNE, SHARED_DECEMBER]);
  expect(await notesOf(ZHANG_OL)).toEqual([SHARED_APRIL, null, SHARED_DECEMBER]);
  const summaries = ["与副队长商定骨干轮值:每月由一名骨干牵头组织集体生日会。…", "入户探访预案:按高龄老人风险分级安排探访频次,独居老人每周一次。…", "年度总结:全年服务1567人次,志愿服务1629.5小时。…"];
  expect(await notesOf(FA)).toEqual(summaries);
  expect(await notesOf(CQ_STAFF)).toEqual(summaries);
  expect(await notesOf(SJK_STAFF)).toEqual([null, null, null]);
  expect(await notesOf(ACADEMY)).toEqual([null, null, null]);
  expect(await notesOf(SHEN)).toEqual([null, null, null]);
});

test("partners and anonymous callers get no supervision at all", async () => {
  expect(await supervisionOf("org_lezhulin", {})).toEqual([]);
  expect(await supervisionOf("org_lezhulin", { roles: ["PARTNER"] })).toEqual([]);
  expect((await supervisionOf("org_jiaqiao", SJK_STAFF)).map((a) => a.id)).toEqual(["sup_shen_jiaqiao"]);
});

test("visits(last:) must ask for 1 to 100 visits", async () => {
  const { body } = await signedRequest(subgraph.url, SUPERVISION, { id: "org_lezhulin", last: 0 }, WU);
  expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(body.errors?.[0].message).toMatch(/last: 0 is out of range/);
});

const RECORD = `mutation($assignmentId: ID!, $date: Date!, $type: SupervisionVisitType!, $notes: String, $share: Boolean) {
  recordSupervisionVisit(assignmentId: $assignmentId, date: $date, type: $type, notes: $notes, shareWithLeader: $share) { id date type notes }
}`;

const visitCount = () => subgraph.db.getRepository(SupervisionVisit).countBy({ assignmentId: "sup_wu_lezhulin" });

test("the assigned supervisor records a visit; it shows up as the latest, shared with the leader when asked", async () => {
  const before = await visitCount();
  const { body } = await signedRequest(
    subgraph.url,
    RECORD,
    { assignmentId: "sup_wu_lezhulin", date: "2022-03-10", type: "PROJECT_EVALUATION", notes: "2022年项目进度正常。", share: true },
    WU,
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.recordSupervisionVisit).toMatchObject({ date: "2022-03-10", type: "PROJECT_EVALUATION", notes: "2022年项目进度正常。" });
  expect(body.data.recordSupervisionVisit.id).toMatch(/^svis_[0-9A-Z]{26}$/);
  expect(await visitCount()).toBe(before + 1);
  const latest = (await supervisionOf("org_lezhulin", ZHANG_OL, 1))[0].visits;
  expect(latest).toEqual([{ date: "2022-03-10", type: "PROJECT_EVALUATION", notes: "2022年项目进度正常。" }]);
});

test("recording a visit: another supervisor or an anonymous caller is FORBIDDEN, bad days and ids are refused, nothing is written", async () => {
  const before = await visitCount();
  const attempt = async (variables: Record<string, unknown>, claims: Partial<Claims>) => {
    const { body } = await signedRequest(subgraph.url, RECORD, { assignmentId: "sup_wu_lezhulin", date: "2022-03-01", type: "DEBRIEF", ...variables }, claims);
    return body.errors?.[0];
  };
  expect((await attempt({}, SHEN))?.extensions?.code).toBe("FORBIDDEN");
  expect((await attempt({}, SHEN))?.message).toMatch(/Only the supervisor assigned/);
  expect((await attempt({}, {}))?.extensions?.code).toBe("FORBIDDEN");
  expect((await attempt({}, ZHANG_OL))?.extensions?.code).toBe("FORBIDDEN");
  expect(await attempt({ date: "2022-03-13" }, WU)).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "date" } });
  expect(await attempt({ date: "2019-12-31" }, WU)).toMatchObject({ extensions: { code: "BAD_USER_INPUT", since: "2020-01-01" } });
  expect(await attempt({ date: "2022-02-30" }, WU)).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  expect(await attempt({ notes: "长".repeat(2001) }, WU)).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "notes" } });
  expect(await attempt({ assignmentId: "sup_nope" }, WU)).toMatchObject({ extensions: { code: "NOT_FOUND" } });
  expect(await attempt({ assignmentId: "org_lezhulin" }, WU)).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "assignmentId" } });
  expect(await visitCount()).toBe(before);
});

test("supervisorsOf: active supervisors per organization on a day, half-open spans", async () => {
  const orgs = ["org_lezhulin", "org_jiaqiao", "org_tl_dance"];
  expect(Object.fromEntries(await supervisorsOf(subgraph.db, orgs, "2022-03-12"))).toEqual({
    org_lezhulin: ["per_wu_supervisor"],
    org_jiaqiao: ["per_shen_worker"],
    org_tl_dance: [],
  });
  expect((await supervisorsOf(subgraph.db, orgs, "2019-12-31")).get("org_lezhulin")).toEqual([]);
  await subgraph.db.getRepository(SupervisionAssignment).insert({
    id: "sup_test_ended", organizationId: "org_tl_dance", agencyOrgId: "org_ailin", supervisorPersonId: "per_wu_supervisor", since: "2021-01-01", until: "2022-01-01", cadence: null,
  });
  expect((await supervisorsOf(subgraph.db, ["org_tl_dance"], "2021-12-31")).get("org_tl_dance")).toEqual(["per_wu_supervisor"]);
  expect((await supervisorsOf(subgraph.db, ["org_tl_dance"], "2022-01-01")).get("org_tl_dance")).toEqual([]);
  expect((await supervisorsOf(subgraph.db, [], "2022-01-01")).size).toBe(0);
});
