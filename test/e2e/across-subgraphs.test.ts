import { startTestHub, TestHub } from "../support/hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

test("one query about 乐竹邻, as its leader, crosses all four subgraphs", async () => {
  // enrollments are not public (DOMAIN §9.2): the organization's leader reads them, names in clear (§9.3 OL own)
  const leader = await hub.token({ sub: "per_zhang_leader", roles: ["OL"], orgIds: ["org_lezhulin"] });
  const { body } = await hub.query(`{
    organization(id: "org_lezhulin") {
      name
      homeArea { name parent { name } }
      bookings { id title room { name facility { name } } }
      enrollments { status offering { label course { title } } person { displayName } }
      grants { id awardedFen periodFrom periodTo program { name } organization { name } }
    }
  }`, {}, leader);
  expect(body.errors).toBeUndefined();
  const org = body.data.organization;
  expect(org.name).toBe("乐竹邻志愿服务队");
  expect(org.homeArea).toEqual({ name: "竹西社区", parent: { name: "常青街道" } });
  expect(org.bookings).toContainEqual({ id: "bkg_lzl_202203_birthday", title: "二月集体生日会", room: { name: "多功能厅", facility: { name: "竹西社区党群服务中心" } } });
  expect(org.enrollments).toContainEqual({ status: "ENROLLED", offering: { label: "2022年春季第1期", course: { title: "骨干培养与团队传承" } }, person: { displayName: "王某华" } });
  const grant2021 = org.grants.find((g: { id: string }) => g.id === "grant_cq2021_6080");
  // anonymous: the public part of a grant (DOMAIN §9.2); its agreement number and status are not public
  expect(grant2021).toEqual({ id: "grant_cq2021_6080", awardedFen: 2_000_000, periodFrom: "2021-01-01", periodTo: "2021-12-31", program: { name: "常青街道社区微创投" }, organization: { name: "乐竹邻志愿服务队" } });
});

test("a course session's venue resolves academy → venues → organizations", async () => {
  const { body } = await hub.query(`{
    courseOffering(id: "off_bs2022s1") {
      sessions { seq startsAt booking { status room { name facility { name } } organization { name } } }
    }
  }`);
  expect(body.errors).toBeUndefined();
  const sessions = body.data.courseOffering.sessions;
  expect(sessions.map((s: { seq: number }) => s.seq)).toEqual([1, 2, 3, 4]);
  expect(sessions[0]).toEqual({
    seq: 1,
    startsAt: "2022-03-22T14:00:00.000+08:00",
    booking: { status: "CONFIRMED", room: { name: "培训室", facility: { name: "常青街道社工站" } }, organization: { name: "合肥爱邻社会工作服务社" } },
  });
});

test("an area lists its facilities from venues and a grant its organization from organizations", async () => {
  const { body } = await hub.query(`{
    area(code: "340111X01") { name facilities { name } }
    grant(id: "grant_cq2021_6080") { organization { name homeArea { name } } }
  }`);
  expect(body.errors).toBeUndefined();
  expect(body.data.area.facilities.map((f: { name: string }) => f.name)).toEqual(
    expect.arrayContaining(["竹西社区党群服务中心", "常青街道社工站", "常青街道社区社会组织孵化基地"]),
  );
  expect(body.data.grant.organization).toEqual({ name: "乐竹邻志愿服务队", homeArea: { name: "竹西社区" } });
});

test("an invalid date in a variable is BAD_USER_INPUT that says the expected form", async () => {
  const { body } = await hub.query(`query($range: DateRangeInput) { organization(id: "org_lezhulin") { bookings(range: $range) { id } } }`, {
    range: { from: "2022-02-30", to: "2022-03-31" },
  });
  expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(body.errors?.[0].message).toMatch(/YYYY-MM-DD/);
});

test("an invalid date written into the query is BAD_USER_INPUT too", async () => {
  const { body } = await hub.query(`{ organization(id: "org_lezhulin") { bookings(range: { from: "March 1st", to: "2022-03-31" }) { id } } }`);
  expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(body.errors?.[0].message).toMatch(/YYYY-MM-DD/);
});
