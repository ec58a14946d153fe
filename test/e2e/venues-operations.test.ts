import { pinClock } from "@kit/clock";
import { startTestHub, TestHub } from "../support/hub";
import { operation, validateAgainstSupergraph } from "../support/operations";

// The venue operations of DOMAIN §12 through the gateway: Q1, M2, Q15, and the venue parts of Q6 and Q12.
let hub: TestHub;
let leader: string;
let venueAdmin: string;

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today (DOMAIN §10)
  hub = await startTestHub();
  leader = await hub.token({ sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
  venueAdmin = await hub.token({ sub: "per_zx_admin", roles: ["VENUE_ADMIN"], facilityIds: ["fac_zx_center"] });
});
afterAll(async () => {
  pinClock(null);
  await hub?.stop();
});

const Q1 = operation("FreeRoomsNextTuesday"); // DOMAIN §12 Q1, verbatim from operations.graphql

const M2 = operation("BookBirthdayParty");

const Q15 = operation("DayBoard");

test("Q1 then M2: 乐竹邻 finds the 竹西 hall free next Tuesday morning and books it; the slot is then gone", async () => {
  const q1 = await hub.query(Q1, { area: "340111X01C01", date: "2022-03-15" }, leader);
  expect(q1.body.errors).toBeUndefined();
  expect(q1.body.data.availableRooms).toEqual([
    {
      room: {
        id: "room_zx_hall",
        name: "多功能厅",
        capacity: 60,
        kind: "MULTIPURPOSE_HALL",
        facility: { name: "竹西社区党群服务中心", type: "COMMUNITY_SERVICE_CENTER", address: "合肥市包河区常青街道竹西社区服务路1号", policy: { maxAdvanceDays: 3, cancellationCutoffHours: 24, requiresApproval: false } },
      },
      freeSlots: [{ startsAt: "2022-03-15T08:30:00.000+08:00", endsAt: "2022-03-15T12:00:00.000+08:00" }],
    },
  ]);

  const input = {
    roomId: "room_zx_hall",
    organizationId: "org_lezhulin",
    purpose: "ACTIVITY",
    title: "三月集体生日会",
    expectedAttendance: 45,
    startsAt: "2022-03-15T09:00:00+08:00",
    endsAt: "2022-03-15T11:00:00+08:00",
    equipment: [{ type: "SOUND_SYSTEM", quantity: 1 }],
  };
  const m2 = await hub.query(M2, { input }, leader);
  expect(m2.body.errors).toBeUndefined();
  expect(m2.body.data.createBooking).toMatchObject({
    booking: { status: "CONFIRMED", startsAt: "2022-03-15T09:00:00.000+08:00", endsAt: "2022-03-15T11:00:00.000+08:00", room: { name: "多功能厅", facility: { name: "竹西社区党群服务中心" } } },
    conflicts: [],
  });
  const again = await hub.query(Q1, { area: "340111X01C01", date: "2022-03-15" }, leader);
  expect(again.body.data.availableRooms).toEqual([]);
  const twice = await hub.query(M2, { input }, leader);
  expect(twice.body.data.createBooking.conflicts.map((c: { reason: string }) => c.reason)).toEqual(["OVERLAP"]);
});

test("Q15: the 竹西 admin's day board names the organizations through the organizations subgraph", async () => {
  const { body } = await hub.query(Q15, { facilityId: "fac_zx_center", date: "2022-03-15" }, venueAdmin);
  expect(body.errors).toBeUndefined();
  const board = Object.fromEntries(body.data.roomDayBoard.map((r: { room: { name: string }; bookings: unknown[] }) => [r.room.name, r.bookings]));
  expect(Object.keys(board)).toEqual(["活动室A", "多功能厅", "会议室"]);
  expect(board["活动室A"]).toEqual([
    { id: "bkg_zx_0315_handcraft", status: "CONFIRMED", startsAt: "2022-03-15T09:00:00.000+08:00", endsAt: "2022-03-15T11:00:00.000+08:00", title: "手工兴趣小组", expectedAttendance: 16, organization: { name: "乐竹邻志愿服务队" }, courseSession: null },
  ]);
  expect(board["多功能厅"].map((b: { status: string; organization: { name: string } }) => [b.status, b.organization.name])).toEqual(
    expect.arrayContaining([
      ["CANCELLED", "加侨飞扬志愿服务队"],
      ["PENDING_APPROVAL", "合肥爱邻社会工作服务社"],
    ]),
  );
  expect(board["会议室"][0]).toMatchObject({ title: "乐竹邻骨干督导", organization: { name: "合肥爱邻社会工作服务社" } });
});

test.each(["FreeRoomsNextTuesday", "BookBirthdayParty", "DayBoard"])("%s validates against the composed supergraph", (name) => {
  expect(validateAgainstSupergraph(operation(name))).toEqual([]);
});

test("Q15: the 社工站's board shows the academy's course session through the academy subgraph", async () => {
  const swsAdmin = await hub.token({ sub: "per_sws_admin", roles: ["VENUE_ADMIN"], facilityIds: ["fac_cq_sws"] });
  const { body } = await hub.query(Q15, { facilityId: "fac_cq_sws", date: "2022-03-22" }, swsAdmin);
  expect(body.errors).toBeUndefined();
  const training = body.data.roomDayBoard.find((r: { room: { name: string } }) => r.room.name === "培训室");
  expect(training.bookings[0]).toMatchObject({ id: "bkg_bs2022s1_1", courseSession: { seq: 1, offering: { course: { title: "骨干培养与团队传承" } } } });
});

test("the partner view of the same board shows busy blocks only", async () => {
  const { body } = await hub.query(Q15, { facilityId: "fac_zx_center", date: "2022-03-15" });
  expect(body.errors).toBeUndefined();
  const meeting = body.data.roomDayBoard.find((r: { room: { name: string } }) => r.room.name === "会议室");
  expect(meeting.bookings[0].title).toBe("已预约");
  const hall = body.data.roomDayBoard.find((r: { room: { name: string } }) => r.room.name === "多功能厅");
  expect(hall.bookings.map((b: { status: string }) => b.status)).not.toContain("CANCELLED");
});

test("Q6's venue part: booking stats per street of 包河区 in 2021", async () => {
  const { body } = await hub.query(
    `query StreetDashboard($district: ID!, $period: DateRangeInput!) {
      areas(levels: [STREET, FUNCTIONAL_ZONE, TOWNSHIP], parentCode: $district) { code name bookingStats(period: $period) { bookings bookedMinutes utilization noShows } }
    }`,
    { district: "340111", period: { from: "2021-01-01", to: "2021-12-31" } },
  );
  expect(body.errors).toBeUndefined();
  expect(body.data.areas).toEqual([{ code: "340111X01", name: "常青街道", bookingStats: { bookings: 23, bookedMinutes: 2520, utilization: 0.0035, noShows: 2 } }]);
});

test("Q12's venue part: the public directory of 竹西社区 lists its centre with opening hours", async () => {
  const { body } = await hub.query(`query($community: ID!) {
    area(code: $community) { name facilities(types: [COMMUNITY_SERVICE_CENTER, NEIGHBORHOOD_POINT]) { name address openingHours { days opens closes } } }
  }`, { community: "340111X01C01" });
  expect(body.errors).toBeUndefined();
  expect(body.data.area).toEqual({
    name: "竹西社区",
    facilities: [
      {
        name: "竹西社区党群服务中心",
        address: "合肥市包河区常青街道竹西社区服务路1号",
        openingHours: [
          { days: ["MON", "TUE", "WED", "THU", "FRI"], opens: "08:30", closes: "12:00" },
          { days: ["MON", "TUE", "WED", "THU", "FRI"], opens: "13:30", closes: "17:30" },
          { days: ["SAT"], opens: "09:00", closes: "11:30" },
        ],
      },
    ],
  });
});

test("乐竹邻's incubation tenancy, and the saga's internal mutations are not part of the public API", async () => {
  const tenancy = await hub.query(`{ organization(id: "org_lezhulin") { name incubationTenancy { status from facility { name } room { name } } } }`);
  expect(tenancy.body.data.organization).toEqual({ name: "乐竹邻志愿服务队", incubationTenancy: { status: "ACTIVE", from: "2021-09-01", facility: { name: "常青街道社区社会组织孵化基地" }, room: { name: "孵化工位1" } } });
  const hold = await hub.query(`mutation { releaseBooking(id: "bkg_bs2022s1_1") { id } }`, {}, leader);
  expect(hold.body.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
});
