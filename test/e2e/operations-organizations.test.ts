import { pinClock } from "@kit/clock";
import { startTestHub, TestHub } from "../support/hub";
import { operation, validateAgainstSupergraph } from "../support/operations";

// Issue 3's operations from operations.graphql, run through the gateway on the demo data at the demo's today.
let hub: TestHub;
beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
  pinClock(null);
});

const PERIOD_2021 = { from: "2021-01-01", to: "2021-12-31" };

test.each(["MyAtRiskOrgs", "FilingQueue", "AcceptFiling", "RecordHomeVisits", "PanelScore"])("%s validates against the composed supergraph", (name) => {
  expect(validateAgainstSupergraph(operation(name))).toEqual([]);
});

test("Q7: a supervisor sees their organizations at risk, with the factors and the backbone's training", async () => {
  const shen = await hub.token({ sub: "per_shen_worker", roles: ["SUPERVISOR"], orgIds: ["org_jiaqiao"] });
  const { body } = await hub.query(operation("MyAtRiskOrgs"), {}, shen);
  expect(body.errors).toBeUndefined();
  expect(body.data.organizations.totalCount).toBe(1);
  const jiaqiao = body.data.organizations.nodes[0];
  expect(jiaqiao).toMatchObject({ id: "org_jiaqiao", memberCount: 9, leaderDependency: { level: "HIGH", score: 65 }, certifiedMemberCount: 0 });
  expect(jiaqiao.leaderDependency.factors.map((f: { code: string }) => f.code)).toEqual(["BENCH", "CONCENTRATION", "NO_DEPUTY", "UNTRAINED_BENCH"]);
  expect(jiaqiao.leader.person.displayName).toBe("刘某明");
  expect(jiaqiao.backbone).toHaveLength(1);
  expect(jiaqiao.supervision[0].visits.length).toBeGreaterThan(0);
});

test("Q8: street staff review the filing queue with leaders' phones in clear, then accept one", async () => {
  const clerk = await hub.token({ sub: "per_cq_street_clerk", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] });
  const queue = await hub.query(operation("FilingQueue"), { street: "340111X01" }, clerk);
  expect(queue.body.errors).toBeUndefined();
  const nodes = queue.body.data.organizations.nodes;
  expect(nodes.map((o: { filing: { status: string } }) => o.filing.status).sort()).toEqual(["COMMUNITY_REVIEWED", "COMMUNITY_REVIEWED", "STREET_REVIEW"]);
  for (const org of nodes) expect(org.leader.person.phone).toMatch(/^100-0000-/);

  const accepted = await hub.query(operation("AcceptFiling"), { filingId: "fil_cq_0256" }, clerk);
  expect(accepted.body.errors).toBeUndefined();
  expect(accepted.body.data.transitionFiling.status).toBe("STREET_REVIEW");
  expect(accepted.body.data.transitionFiling.events.at(-1)).toMatchObject({ from: "COMMUNITY_REVIEWED", to: "STREET_REVIEW" });

  const again = await hub.query(operation("AcceptFiling"), { filingId: "fil_cq_0256" }, clerk);
  expect(again.body.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", state: "STREET_REVIEW" });
});

test("M9: the leader records a home-visit round; it counts towards the grant once confirmed", async () => {
  const leader = await hub.token({ sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
  const lines = ["per_lzl_bb2", "per_lzl_m05", "per_lzl_m06", "per_lzl_m07", "per_lzl_m08", "per_lzl_m09", "per_lzl_m10"].map((personId) => ({ personId, minutes: 150 }));
  const input = {
    organizationId: "org_lezhulin", title: "一对一入户探访(第20轮)", type: "HOME_VISIT", startsAt: "2021-06-18T09:00:00+08:00", endsAt: "2021-06-18T11:30:00+08:00",
    areaCode: "340111X01C01", grantId: "grant_cq2021_6080", leadOrganizerId: "per_lzl_bb2", volunteerLines: lines, beneficiaryVisits: 13,
  };
  const { body } = await hub.query(operation("RecordHomeVisits"), { input }, leader);
  expect(body.errors).toBeUndefined();
  expect(body.data.recordServiceActivity).toMatchObject({ type: "HOME_VISIT", volunteerMinutes: 1050, beneficiaryVisits: 13, verification: "UNVERIFIED" });
  // unverified records do not count in grant reconciliation (§3.10): the grant still shows the article's totals
  expect(body.data.recordServiceActivity.grant).toEqual({ id: "grant_cq2021_6080", activitySummary: { serviceEvents: 86, volunteerHours: "1629.5" } });

  const tooLong = { ...input, startsAt: "2021-06-19T09:00:00+08:00", endsAt: "2021-06-19T10:00:00+08:00", volunteerLines: [{ personId: "per_lzl_m11", minutes: 200 }] };
  const refused = await hub.query(operation("RecordHomeVisits"), { input: tooLong }, leader);
  expect(refused.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

test("M14: a panelist scores 加侨飞扬 and street staff open the public notice", async () => {
  const staff = await hub.token({ sub: "per_sjk_staff", roles: ["STREET_STAFF"], areaCodes: ["340104Z01"] });
  const scores = [["GOV", 14], ["OPS", 15], ["SVC", 20], ["PART", 13], ["SAT", 13], ["CAP", 1]].map(([indicator, score]) => ({ indicator, score }));
  const { body } = await hub.query(operation("PanelScore"), { evaluationId: "rat_2022_jiaqiao", scores }, staff);
  expect(body.errors).toBeUndefined();
  expect(body.data.submitRatingScores).toMatchObject({ status: "PANEL_SCORING", totalScore: 76, stars: "THREE" });
  expect(body.data.transitionRating).toMatchObject({ status: "PUBLIC_NOTICE", publicNoticeFrom: "2022-03-12", publicNoticeTo: "2022-03-19" });
});

test("M14: a panelist who supervises the organization must recuse", async () => {
  const shen = await hub.token({ sub: "per_shen_worker", roles: ["SUPERVISOR"], orgIds: ["org_jiaqiao"] });
  const { body } = await hub.query(`mutation($id: ID!) { submitRatingScores(evaluationId: $id, scores: [{ indicator: "GOV", score: 10 }]) { id } }`, { id: "rat_2022_jiaqiao" }, shen);
  expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
});

test("Q6 (organization part): service statistics by street for a district", async () => {
  const fa = await hub.token({ sub: "per_fa", roles: ["FEDERATION_ADMIN"] });
  const query = `query($district: ID!, $period: DateRangeInput!) {
    areas(levels: [STREET, FUNCTIONAL_ZONE, TOWNSHIP], parentCode: $district) {
      code name level
      serviceStats(period: $period) { serviceEvents beneficiaryVisits volunteerHours activeVolunteers activeOrganizations }
    }
  }`;
  expect(validateAgainstSupergraph(query)).toEqual([]);
  const { body } = await hub.query(query, { district: "340111", period: PERIOD_2021 }, fa);
  expect(body.errors).toBeUndefined();
  expect(body.data.areas).toHaveLength(1);
  expect(body.data.areas[0]).toMatchObject({ code: "340111X01", name: "常青街道", serviceStats: { serviceEvents: 86, beneficiaryVisits: 1567, volunteerHours: "1629.5", activeOrganizations: 1 } });
});

test("Q12 (organization part): the public, masked directory of 竹西社区", async () => {
  const query = `query($community: ID!, $period: DateRangeInput!) {
    area(code: $community) {
      name
      organizations(first: 50) {
        nodes {
          name category legalForm foundedOn
          leader { person { displayName } }
          currentRating { stars cycle }
          serviceStats(period: $period) { serviceEvents beneficiaryVisits volunteerHours }
        }
      }
    }
  }`;
  expect(validateAgainstSupergraph(query)).toEqual([]);
  const { body } = await hub.query(query, { community: "340111X01C01", period: PERIOD_2021 });
  expect(body.errors).toBeUndefined();
  const lezhulin = body.data.area.organizations.nodes.find((o: { name: string }) => o.name === "乐竹邻志愿服务队");
  expect(lezhulin).toEqual({
    name: "乐竹邻志愿服务队", category: "HARDSHIP_ASSISTANCE", legalForm: "FILED", foundedOn: "2019-10-01",
    leader: { person: { displayName: "张*琴" } }, currentRating: null,
    serviceStats: { serviceEvents: 86, beneficiaryVisits: 1567, volunteerHours: "1629.5" },
  });
});
