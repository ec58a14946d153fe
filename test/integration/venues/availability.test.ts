import { pinClock } from "@kit/clock";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { Booking } from "@subgraphs/venues/bookings/booking.entity";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { EquipmentType } from "@subgraphs/venues/facilities/facility.enums";
import { addTestFacility, at, bookingRow, codeOf, DEMO_NOW, iso, LEZHULIN_LEADER, ZX_COMMUNITY_STAFF, ZX_VENUE_ADMIN } from "./fixtures";
import { operation } from "@test/support/operations";

// Q1 (free rooms), Q15 (day board) and the venue part of Q12, with free/busy masking (DOMAIN §9.2).
let subgraph: RunningSubgraph;

beforeAll(async () => {
  pinClock(DEMO_NOW);
  subgraph = await startTestSubgraph(venuesSubgraph, { seed: true });
});
afterEach(() => pinClock(DEMO_NOW));
afterAll(async () => {
  pinClock(null);
  await subgraph?.stop();
});

const Q1 = operation("FreeRoomsNextTuesday"); // DOMAIN §12 Q1, verbatim from operations.graphql

const AVAILABLE = `query($area: ID!, $date: Date!, $from: LocalTime!, $to: LocalTime!, $min: Int!, $capacity: Int, $equipment: [EquipmentType!]) {
  availableRooms(near: { areaCode: $area }, date: $date, window: { from: $from, to: $to }, minDurationMinutes: $min, minCapacity: $capacity, requireEquipment: $equipment) {
    room { id } freeSlots { startsAt endsAt }
  }
}`;
type Availability = { room: { id: string }; freeSlots: { startsAt: string; endsAt: string }[] }[];
const available = async (variables: Record<string, unknown>): Promise<Availability> => {
  const { body } = await signedRequest(subgraph.url, AVAILABLE, { area: "340111X01C01", date: "2022-03-15", from: "08:30", to: "17:30", min: 60, ...variables });
  expect(body.errors).toBeUndefined();
  return body.data.availableRooms;
};
const slotsOf = (rooms: Availability, roomId: string) => rooms.find((r) => r.room.id === roomId)?.freeSlots.map((s) => `${s.startsAt.slice(11, 16)}–${s.endsAt.slice(11, 16)}`);

describe("Q1: free rooms near 竹西社区 next Tuesday morning", () => {
  test("the demo data gives the 竹西 hall, free the whole morning", async () => {
    const { body } = await signedRequest(subgraph.url, Q1, { area: "340111X01C01", date: "2022-03-15" }, LEZHULIN_LEADER);
    expect(body.errors).toBeUndefined();
    expect(body.data.availableRooms).toEqual([
      {
        room: {
          id: "room_zx_hall",
          name: "多功能厅",
          capacity: 60,
          kind: "MULTIPURPOSE_HALL",
          facility: { name: "竹西社区党群服务中心", type: "COMMUNITY_SERVICE_CENTER", address: "合肥市包河区常青街道竹西社区服务路1号", policy: { maxAdvanceDays: 3, cancellationCutoffHours: 24, requiresApproval: false } },
        },
        freeSlots: [{ startsAt: iso("2022-03-15", "08:30"), endsAt: iso("2022-03-15", "12:00") }],
      },
    ]);
  });

  test("near is the parent street: rooms of the street's other venues come after the community's own, all bookable ones only", async () => {
    const rooms = await available({});
    const ids = rooms.map((r) => r.room.id);
    expect(ids.slice(0, 3).sort()).toEqual(["room_zx_a", "room_zx_hall", "room_zx_meeting"]);
    expect(ids).toEqual(expect.arrayContaining(["room_cq_sws_training", "room_cq_sws_supervision", "room_cq_inc_hall"]));
    expect(ids.some((id) => id.startsWith("room_cq_inc_desk"))).toBe(false);
    expect(ids.some((id) => id.startsWith("room_sly"))).toBe(false);
  });

  test("bookings and their 15 min turnaround cut the slots on the 30 min grid; the lunch closure splits the day", async () => {
    const rooms = await available({ min: 30 });
    expect(slotsOf(rooms, "room_zx_a")).toEqual(["11:30–12:00", "13:30–17:30"]); // 手工兴趣小组 09:00–11:00
    expect(slotsOf(rooms, "room_zx_meeting")).toEqual(["08:30–09:30", "13:30–17:30"]); // 督导 10:00–11:30
    expect(slotsOf(rooms, "room_zx_hall")).toEqual(["08:30–12:00", "16:30–17:30"]); // the lecture (pending approval) blocks 14:00–16:00
  });

  test("capacity and equipment filter rooms; movable equipment lent out elsewhere removes its time", async () => {
    expect((await available({ capacity: 50 })).map((r) => r.room.id).sort()).toEqual(["room_cq_inc_hall", "room_zx_hall"]);
    const { roomIds } = await addTestFacility(subgraph.db, "proj", { rooms: 2, areaCode: "340111X01C01P09", equipment: [{ type: EquipmentType.PROJECTOR, quantity: 1 }] });
    await subgraph.db.getRepository(Booking).insert(
      bookingRow({ id: "bkg_proj_lent", roomId: roomIds[0], organizationId: "org_ailin", startsAt: at("2022-03-15", "09:00"), endsAt: at("2022-03-15", "10:00"), equipmentLines: [{ equipmentId: "eqp_t_proj_1", quantity: 1 }] }),
    );
    const withProjector = await available({ area: "340111X01C01P09", equipment: ["PROJECTOR"], to: "12:00" });
    expect(slotsOf(withProjector, roomIds[1])).toEqual(["10:00–12:00"]); // 08:30–09:00 is shorter than the 60 min asked for
    expect(slotsOf(withProjector, roomIds[0])).toEqual(["10:30–12:00"]);
  });

  test("no slots on a holiday, beyond the horizon, or inside the lead time; the 调休 Saturday has weekday hours", async () => {
    expect((await available({ date: "2022-03-16" })).map((r) => r.room.id)).toEqual(["room_cq_inc_hall"]); // only the incubator books 14 days ahead
    expect(await available({ date: "2022-03-13" })).toEqual([]);
    expect(slotsOf(await available({ date: "2022-03-12", min: 30 }), "room_zx_hall")).toEqual(["11:00–11:30"]);
    pinClock(new Date("2022-04-01T09:00:00+08:00"));
    expect(await available({ date: "2022-04-04" })).toEqual([]);
    expect(slotsOf(await available({ date: "2022-04-02" }), "room_zx_hall")).toEqual(["08:30–12:00", "13:30–17:30"]);
  });

  test("bad input is BAD_USER_INPUT naming the argument", async () => {
    const bad = async (variables: Record<string, unknown>, argument: RegExp) => {
      const { body } = await signedRequest(subgraph.url, AVAILABLE, { area: "340111X01C01", date: "2022-03-15", from: "08:30", to: "12:00", min: 60, ...variables });
      expect(codeOf(body)).toBe("BAD_USER_INPUT");
      expect(body.errors![0].message).toMatch(argument);
    };
    await bad({ from: "12:00", to: "08:30" }, /^window:/);
    await bad({ from: "25:00" }, /LocalTime/);
    await bad({ area: "340111%" }, /^near\.areaCode:/);
    await bad({ min: 0 }, /^minDurationMinutes:/);
    await bad({ capacity: 0 }, /^minCapacity:/);
    await bad({ date: "2022-02-30" }, /YYYY-MM-DD/);
  });
});

describe("Q15: the venue admin's day board", () => {
  const BOARD = `query DayBoard($facilityId: ID!, $date: Date!) {
    roomDayBoard(facilityId: $facilityId, date: $date) {
      room { id name capacity }
      bookings { id status startsAt endsAt title expectedAttendance organization { id } requestedBy { id } }
    }
  }`;
  const board = (claims: object, facilityId = "fac_zx_center") => signedRequest(subgraph.url, BOARD, { facilityId, date: "2022-03-15" }, claims);

  test("the admin sees every room and every booking of the day, cancellations and pending approvals included", async () => {
    const { body } = await board(ZX_VENUE_ADMIN);
    expect(body.errors).toBeUndefined();
    const rooms = body.data.roomDayBoard;
    expect(rooms.map((r: { room: { id: string } }) => r.room.id)).toEqual(["room_zx_a", "room_zx_hall", "room_zx_meeting"]);
    expect(rooms[0].bookings).toEqual([
      { id: "bkg_zx_0315_handcraft", status: "CONFIRMED", startsAt: iso("2022-03-15", "09:00"), endsAt: iso("2022-03-15", "11:00"), title: "手工兴趣小组", expectedAttendance: 16, organization: { id: "org_lezhulin" }, requestedBy: { id: "per_lzl_deputy" } },
    ]);
    expect(rooms[1].bookings.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([
      ["bkg_zx_0315_cancelled", "CANCELLED"],
      ["bkg_zx_0315_lecture", "PENDING_APPROVAL"],
    ]);
    expect(rooms[2].bookings[0]).toMatchObject({ id: "bkg_zx_0315_supervision", title: "乐竹邻骨干督导" });
    // community staff of the area see it in full too
    expect((await board(ZX_COMMUNITY_STAFF)).body.data.roomDayBoard[2].bookings[0].title).toBe("乐竹邻骨干督导");
  });

  test("the public sees busy blocks: private titles read 已预约, no requester, no cancellations", async () => {
    const { body } = await board({});
    const rooms = body.data.roomDayBoard;
    expect(rooms[1].bookings.map((b: { id: string }) => b.id)).toEqual(["bkg_zx_0315_lecture"]);
    expect(rooms[1].bookings[0]).toMatchObject({ title: "老年人防诈骗讲座", requestedBy: null, organization: { id: "org_ailin" } });
    expect(rooms[2].bookings[0]).toMatchObject({ title: "已预约", requestedBy: null });
    const leader = (await board(LEZHULIN_LEADER)).body.data.roomDayBoard;
    expect(leader[0].bookings[0]).toMatchObject({ title: "手工兴趣小组", requestedBy: { id: "per_lzl_deputy" } });
    expect(leader[2].bookings[0].title).toBe("已预约");
  });

  test("an unknown facility has an empty board; a malformed id is BAD_USER_INPUT", async () => {
    expect((await board(ZX_VENUE_ADMIN, "fac_nope")).body.data.roomDayBoard).toEqual([]);
    expect(codeOf((await board(ZX_VENUE_ADMIN, "room_zx_hall")).body)).toBe("BAD_USER_INPUT");
  });
});

describe("opening rules, exceptions, equipment and policies", () => {
  test("the 竹西 centre's hours, 清明 exceptions, equipment and policy", async () => {
    const { body } = await signedRequest(
      subgraph.url,
      `{ facility(id: "fac_zx_center") {
        openingHours { days opens closes }
        exceptions(range: { from: "2022-04-01", to: "2022-04-10" }) { date kind opens closes note }
        equipment { id type name quantity movable room { id } }
        policy { minLeadHours maxAdvanceDays maxDurationMinutes bufferMinutes slotMinutes perOrgMonthlyMinutesCap perOrgMaxActiveBookings requiresApproval approvalAboveAttendance cancellationCutoffHours purposeOverrides { purpose } }
      } }`,
    );
    expect(body.errors).toBeUndefined();
    const facility = body.data.facility;
    expect(facility.openingHours).toEqual([
      { days: ["MON", "TUE", "WED", "THU", "FRI"], opens: "08:30", closes: "12:00" },
      { days: ["MON", "TUE", "WED", "THU", "FRI"], opens: "13:30", closes: "17:30" },
      { days: ["SAT"], opens: "09:00", closes: "11:30" },
    ]);
    expect(facility.exceptions).toEqual([
      { date: "2022-04-02", kind: "MAKEUP_WORKDAY", opens: null, closes: null, note: "清明节调休上班" },
      { date: "2022-04-03", kind: "HOLIDAY_CLOSED", opens: null, closes: null, note: "清明节" },
      { date: "2022-04-04", kind: "HOLIDAY_CLOSED", opens: null, closes: null, note: "清明节" },
      { date: "2022-04-05", kind: "HOLIDAY_CLOSED", opens: null, closes: null, note: "清明节" },
    ]);
    expect(facility.equipment).toContainEqual({ id: "eqp_zx_hall_sound", type: "SOUND_SYSTEM", name: "多功能厅音响", quantity: 1, movable: false, room: { id: "room_zx_hall" } });
    expect(facility.equipment).toContainEqual({ id: "eqp_zx_chairs", type: "CHAIRS", name: "折叠椅", quantity: 40, movable: true, room: null });
    expect(facility.policy).toEqual({
      minLeadHours: 2,
      maxAdvanceDays: 3,
      maxDurationMinutes: 240,
      bufferMinutes: 15,
      slotMinutes: 30,
      perOrgMonthlyMinutesCap: 1200,
      perOrgMaxActiveBookings: 10,
      requiresApproval: false,
      approvalAboveAttendance: 50,
      cancellationCutoffHours: 24,
      purposeOverrides: [],
    });
  });

  test("the 2022 calendar: 春节 with its two makeup days; the square keeps its evenings on holidays; the 社工站 gives courses 60 days", async () => {
    const { body } = await signedRequest(
      subgraph.url,
      `{ zx: facility(id: "fac_zx_center") { exceptions(range: { from: "2022-01-29", to: "2022-02-06" }) { date kind } }
         square: facility(id: "fac_tl_square") { exceptions(range: { from: "2022-10-01", to: "2022-10-02" }) { date kind opens closes } }
         sws: facility(id: "fac_cq_sws") { policy { maxAdvanceDays purposeOverrides { purpose roomIds maxAdvanceDays requiresApproval } } } }`,
    );
    expect(body.data.zx.exceptions.map((e: { date: string; kind: string }) => `${e.date} ${e.kind}`)).toEqual([
      "2022-01-29 MAKEUP_WORKDAY",
      "2022-01-30 MAKEUP_WORKDAY",
      ...["01-31", "02-01", "02-02", "02-03", "02-04", "02-05", "02-06"].map((d) => `2022-${d} HOLIDAY_CLOSED`),
    ]);
    expect(body.data.square.exceptions).toEqual([
      { date: "2022-10-01", kind: "SPECIAL_HOURS", opens: "18:30", closes: "21:30" },
      { date: "2022-10-02", kind: "SPECIAL_HOURS", opens: "18:30", closes: "21:30" },
    ]);
    expect(body.data.sws.policy).toEqual({ maxAdvanceDays: 3, purposeOverrides: [{ purpose: "COURSE_SESSION", roomIds: ["room_cq_sws_training"], maxAdvanceDays: 60, requiresApproval: null }] });
  });

  test("Q12's venue part: a community's service centres and neighbourhood points with their hours", async () => {
    const { body } = await signedRequest(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Area { facilities(types: [COMMUNITY_SERVICE_CENTER, NEIGHBORHOOD_POINT]) { name address openingHours { days opens closes } } } } }`,
      { reps: [{ __typename: "Area", code: "340111X01C01" }] },
    );
    expect(body.errors).toBeUndefined();
    const [facility] = body.data._entities[0].facilities.filter((f: { name: string }) => f.name === "竹西社区党群服务中心");
    expect(facility.openingHours).toHaveLength(3);
    expect(facility.address).toBe("合肥市包河区常青街道竹西社区服务路1号");
  });

  test("an exceptions range over 366 days is BAD_USER_INPUT", async () => {
    const { body } = await signedRequest(subgraph.url, `{ facility(id: "fac_zx_center") { exceptions(range: { from: "2022-01-01", to: "2023-06-01" }) { date } } }`);
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
  });

  test("hours, exceptions, equipment and policies of many facilities cost a fixed number of statements", async () => {
    const query = `query($area: ID) { facilities(areaCode: $area, first: 100) { nodes { openingHours { opens } exceptions(range: { from: "2022-04-01", to: "2022-04-07" }) { date } equipment { id room { id } } policy { slotMinutes } rooms { id } } } }`;
    const run = async (area: string) => countStatements(subgraph.db, async () => expect((await signedRequest(subgraph.url, query, { area })).body.errors).toBeUndefined());
    const one = await run("340111X01C01");
    const all = await run("340100");
    expect(all).toBe(one);
  });
});
