import { pinClock } from "@kit/clock";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { BookingStatus, BookingVisibility } from "@subgraphs/venues/bookings";
import { EquipmentType, RoomKind } from "@subgraphs/venues/facilities";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import {
  addTestBooking,
  addTestFacility,
  codeOf,
  communityStaffOf,
  DEFAULT_TEST_AREA,
  DEMO_NOW,
  iso,
  leaderOf,
  LEZHULIN_LEADER,
  memberOf,
  OFFICE_HOURS,
  QINGMING_2022,
  venueAdminOf,
} from "./fixtures";
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
/** Free rooms near `area` (a community of the test's own) on Tuesday 2022-03-15, 08:30–17:30, for at least 60 min unless changed. */
const available = async (area: string, variables: Record<string, unknown> = {}): Promise<Availability> => {
  const { body } = await signedRequest(subgraph.url, AVAILABLE, { area, date: "2022-03-15", from: "08:30", to: "17:30", min: 60, ...variables });
  expect(body.errors).toBeUndefined();
  return body.data.availableRooms;
};
const slotsOf = (rooms: Availability, roomId: string) => rooms.find((r) => r.room.id === roomId)?.freeSlots.map((s) => `${s.startsAt.slice(11, 16)}–${s.endsAt.slice(11, 16)}`);

describe("Q1: free rooms near a community next Tuesday morning", () => {
  test("demo: Q1 gives the 竹西 hall, free the whole morning", async () => {
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
    // street 349901S01: a centre in community C01, a station and an incubation base on the street; another street's centre
    const own = await addTestFacility(subgraph.db, "near_own", { areaCode: "349901S01C01", rooms: 3 });
    const station = await addTestFacility(subgraph.db, "near_station", { areaCode: "349901S01", rooms: 2 });
    const base = await addTestFacility(subgraph.db, "near_base", {
      areaCode: "349901S01",
      rooms: [{ kind: RoomKind.INCUBATION_DESK, capacity: 4, bookable: false }, { kind: RoomKind.INCUBATION_DESK, capacity: 4, bookable: false }, { kind: RoomKind.MULTIPURPOSE_HALL, capacity: 80 }],
    });
    const otherStreet = await addTestFacility(subgraph.db, "near_away", { areaCode: "349901S02C01" });
    const ids = (await available("349901S01C01")).map((r) => r.room.id);
    expect(ids.slice(0, 3).sort()).toEqual(own.roomIds);
    expect(ids).toEqual(expect.arrayContaining([...station.roomIds, base.roomIds[2]]));
    expect(ids).toHaveLength(6);
    expect(ids).not.toContain(base.roomIds[0]); // desks are let by tenancy
    expect(ids).not.toContain(base.roomIds[1]);
    expect(ids).not.toContain(otherStreet.roomIds[0]);
  });

  test("bookings and their 15 min turnaround cut the slots on the 30 min grid; the lunch closure splits the day", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "grid", { areaCode: "349901S03C01", rooms: 3 });
    const organizationId = "org_t_grid";
    const on = (roomId: string, from: string, to: string) => ({ roomId, organizationId, day: "2022-03-15", from, to });
    await addTestBooking(subgraph.db, "grid_handcraft", on(roomIds[0], "09:00", "11:00"));
    await addTestBooking(subgraph.db, "grid_supervision", on(roomIds[2], "10:00", "11:30"));
    await addTestBooking(subgraph.db, "grid_lecture", on(roomIds[1], "14:00", "16:00"), { status: BookingStatus.PENDING_APPROVAL, approvalRequired: true });
    await addTestBooking(subgraph.db, "grid_cancelled", on(roomIds[1], "09:00", "10:30"), { status: BookingStatus.CANCELLED });
    const rooms = await available("349901S03C01", { min: 30 });
    expect(slotsOf(rooms, roomIds[0])).toEqual(["11:30–12:00", "13:30–17:30"]); // 09:00–11:00
    expect(slotsOf(rooms, roomIds[2])).toEqual(["08:30–09:30", "13:30–17:30"]); // 10:00–11:30
    expect(slotsOf(rooms, roomIds[1])).toEqual(["08:30–12:00", "16:30–17:30"]); // the lecture (pending approval) blocks 14:00–16:00, the cancelled meeting nothing
  });

  test("capacity and equipment filter rooms; movable equipment lent out elsewhere removes its time", async () => {
    const centre = await addTestFacility(subgraph.db, "cap", { areaCode: "349901S04C01", rooms: [{ capacity: 20 }, { capacity: 60 }, { capacity: 12 }] });
    const station = await addTestFacility(subgraph.db, "cap_station", { areaCode: "349901S04", rooms: [{ capacity: 80 }, { capacity: 8 }] });
    expect((await available("349901S04C01", { capacity: 50 })).map((r) => r.room.id).sort()).toEqual([centre.roomIds[1], station.roomIds[0]]);
    const { roomIds, equipmentIds } = await addTestFacility(subgraph.db, "proj", { rooms: 2, areaCode: "349901S05C01", equipment: [{ type: EquipmentType.PROJECTOR, quantity: 1 }] });
    await addTestBooking(subgraph.db, "proj_lent", { roomId: roomIds[0], organizationId: "org_t_lender", day: "2022-03-15", from: "09:00", to: "10:00" }, { equipmentLines: [{ equipmentId: equipmentIds[0], quantity: 1 }] });
    const withProjector = await available("349901S05C01", { equipment: ["PROJECTOR"], to: "12:00" });
    expect(slotsOf(withProjector, roomIds[1])).toEqual(["10:00–12:00"]); // 08:30–09:00 is shorter than the 60 min asked for
    expect(slotsOf(withProjector, roomIds[0])).toEqual(["10:30–12:00"]);
  });

  test("no slots on a holiday, beyond the horizon, or inside the lead time; the 调休 Saturday has weekday hours", async () => {
    // a centre that books 3 days ahead, and an office-hours base that books 14 days ahead
    const centre = await addTestFacility(subgraph.db, "horizon", { areaCode: "349901S06C01", exceptions: QINGMING_2022 });
    const base = await addTestFacility(subgraph.db, "horizon_base", {
      areaCode: "349901S06",
      exceptions: QINGMING_2022,
      hours: OFFICE_HOURS,
      policy: { maxAdvanceDays: 14 },
    });
    const area = "349901S06C01";
    expect((await available(area, { date: "2022-03-16" })).map((r) => r.room.id)).toEqual(base.roomIds); // only the base books 14 days ahead
    expect(await available(area, { date: "2022-03-13" })).toEqual([]);
    expect(slotsOf(await available(area, { date: "2022-03-12", min: 30 }), centre.roomIds[0])).toEqual(["11:00–11:30"]);
    pinClock(new Date("2022-04-01T09:00:00+08:00"));
    expect(await available(area, { date: "2022-04-04" })).toEqual([]);
    expect(slotsOf(await available(area, { date: "2022-04-02" }), centre.roomIds[0])).toEqual(["08:30–12:00", "13:30–17:30"]);
  });

  test("bad input is BAD_USER_INPUT naming the argument", async () => {
    const bad = async (variables: Record<string, unknown>, argument: RegExp) => {
      const { body } = await signedRequest(subgraph.url, AVAILABLE, { area: DEFAULT_TEST_AREA, date: "2022-03-15", from: "08:30", to: "12:00", min: 60, ...variables });
      expect(codeOf(body)).toBe("BAD_USER_INPUT");
      expect(body.errors![0].message).toMatch(argument);
    };
    await bad({ from: "12:00", to: "08:30" }, /^window:/);
    await bad({ from: "25:00" }, /LocalTime/);
    await bad({ area: "349901%" }, /^near\.areaCode:/);
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
  const board = (claims: object, facilityId = "fac_t_board") => signedRequest(subgraph.url, BOARD, { facilityId, date: "2022-03-15" }, claims);
  // a centre in community 349901S09C01 on Tuesday 2022-03-15: a club's public handcraft group in room 1, in room 2 another
  // club's cancelled meeting and an agency's public lecture waiting for approval, in room 3 the agency's private supervision
  const area = "349901S09C01";
  const club = "org_t_board_club";
  const agency = "org_t_board_agency";
  const deputy = memberOf(club).personId;
  const director = leaderOf(agency).personId;

  beforeAll(async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "board", { areaCode: area, rooms: 3, capacity: 60 });
    const on = (roomId: string, organizationId: string, from: string, to: string) => ({ roomId, organizationId, day: "2022-03-15", from, to });
    await addTestBooking(subgraph.db, "board_handcraft", on(roomIds[0], club, "09:00", "11:00"), { title: "手工兴趣小组", expectedAttendance: 16, requestedById: deputy, visibility: BookingVisibility.PUBLIC });
    await addTestBooking(subgraph.db, "board_cancelled", on(roomIds[1], "org_t_board_other", "09:00", "10:30"), { title: "跨社区志愿者交流会", status: BookingStatus.CANCELLED, statusReason: "改到别处举办" });
    await addTestBooking(subgraph.db, "board_lecture", on(roomIds[1], agency, "14:00", "16:00"), { title: "老年人防诈骗讲座", expectedAttendance: 55, requestedById: director, status: BookingStatus.PENDING_APPROVAL, approvalRequired: true, visibility: BookingVisibility.PUBLIC });
    await addTestBooking(subgraph.db, "board_supervision", on(roomIds[2], agency, "10:00", "11:30"), { title: "骨干督导", expectedAttendance: 6, requestedById: director });
  });

  test("the admin sees every room and every booking of the day, cancellations and pending approvals included", async () => {
    const { body } = await board(venueAdminOf("fac_t_board"));
    expect(body.errors).toBeUndefined();
    const rooms = body.data.roomDayBoard;
    expect(rooms.map((r: { room: { id: string } }) => r.room.id)).toEqual(["room_t_board_1", "room_t_board_2", "room_t_board_3"]);
    expect(rooms[0].bookings).toEqual([
      { id: "bkg_t_board_handcraft", status: "CONFIRMED", startsAt: iso("2022-03-15", "09:00"), endsAt: iso("2022-03-15", "11:00"), title: "手工兴趣小组", expectedAttendance: 16, organization: { id: club }, requestedBy: { id: deputy } },
    ]);
    expect(rooms[1].bookings.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([
      ["bkg_t_board_cancelled", "CANCELLED"],
      ["bkg_t_board_lecture", "PENDING_APPROVAL"],
    ]);
    expect(rooms[2].bookings[0]).toMatchObject({ id: "bkg_t_board_supervision", title: "骨干督导" });
    // community staff of the area see it in full too
    expect((await board(communityStaffOf(area))).body.data.roomDayBoard[2].bookings[0].title).toBe("骨干督导");
  });

  test("the public sees busy blocks: private titles read 已预约, no requester, no cancellations", async () => {
    const { body } = await board({});
    const rooms = body.data.roomDayBoard;
    expect(rooms[1].bookings.map((b: { id: string }) => b.id)).toEqual(["bkg_t_board_lecture"]);
    expect(rooms[1].bookings[0]).toMatchObject({ title: "老年人防诈骗讲座", requestedBy: null, organization: { id: agency } });
    expect(rooms[2].bookings[0]).toMatchObject({ title: "已预约", requestedBy: null });
    const leader = (await board(leaderOf(club))).body.data.roomDayBoard;
    expect(leader[0].bookings[0]).toMatchObject({ title: "手工兴趣小组", requestedBy: { id: deputy } });
    expect(leader[2].bookings[0].title).toBe("已预约");
  });

  test("a wildcard area code in a staff scope covers no area: busy blocks, as for the public", async () => {
    const rooms = (await board({ ...communityStaffOf(area), areaCodes: ["%"] })).body.data.roomDayBoard;
    expect(rooms[2].bookings[0]).toMatchObject({ title: "已预约", requestedBy: null });
    expect(rooms[1].bookings.map((b: { id: string }) => b.id)).toEqual(["bkg_t_board_lecture"]);
  });

  test("an unknown facility has an empty board; a malformed id is BAD_USER_INPUT", async () => {
    expect((await board(venueAdminOf("fac_t_board"), "fac_t_nope")).body.data.roomDayBoard).toEqual([]);
    expect(codeOf((await board(venueAdminOf("fac_t_board"), "room_t_board_1")).body)).toBe("BAD_USER_INPUT");
  });
});

describe("opening rules, exceptions, equipment and policies", () => {
  const FACILITY = `query($id: ID!) { facility(id: $id) {
    openingHours { days opens closes }
    exceptions(range: { from: "2022-04-01", to: "2022-04-10" }) { date kind opens closes note }
    equipment { id type name quantity movable room { id } }
    policy { minLeadHours maxAdvanceDays maxDurationMinutes bufferMinutes slotMinutes perOrgMonthlyMinutesCap perOrgMaxActiveBookings requiresApproval approvalAboveAttendance cancellationCutoffHours purposeOverrides { purpose } }
  } }`;

  test("a centre's hours, 清明 exceptions, equipment and policy", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "hours", {
      exceptions: QINGMING_2022,
      policy: { approvalAboveAttendance: 50 },
      equipment: [
        { type: EquipmentType.SOUND_SYSTEM, quantity: 1, movable: false, room: 1, name: "多功能厅音响" },
        { type: EquipmentType.CHAIRS, quantity: 40, name: "折叠椅" },
      ],
    });
    const { body } = await signedRequest(subgraph.url, FACILITY, { id: "fac_t_hours" });
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
    expect(facility.equipment).toContainEqual({ id: "eqp_t_hours_1", type: "SOUND_SYSTEM", name: "多功能厅音响", quantity: 1, movable: false, room: { id: roomIds[0] } });
    expect(facility.equipment).toContainEqual({ id: "eqp_t_hours_2", type: "CHAIRS", name: "折叠椅", quantity: 40, movable: true, room: null });
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

  test("demo: the 2022 calendar: 春节 with its two makeup days; the square keeps its evenings on holidays; the 社工站 gives courses 60 days", async () => {
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

  test("demo: Q12's venue part: a community's service centres and neighbourhood points with their hours", async () => {
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
    const { facilityId } = await addTestFacility(subgraph.db, "range");
    const { body } = await signedRequest(subgraph.url, `query($id: ID!) { facility(id: $id) { exceptions(range: { from: "2022-01-01", to: "2023-06-01" }) { date } } }`, { id: facilityId });
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
  });

  test("hours, exceptions, equipment and policies of many facilities cost a fixed number of statements", async () => {
    const query = `query($area: ID) { facilities(areaCode: $area, first: 100) { nodes { openingHours { opens } exceptions(range: { from: "2022-04-01", to: "2022-04-07" }) { date } equipment { id room { id } } policy { slotMinutes } rooms { id } } } }`;
    // district 349902: one centre in each of seven communities, each with hours, a holiday, fixed and movable equipment and a policy
    for (let i = 1; i <= 7; i += 1) {
      await addTestFacility(subgraph.db, `many_${i}`, {
        areaCode: `349902S01C0${i}`,
        exceptions: QINGMING_2022,
        equipment: [{ type: EquipmentType.PROJECTOR, quantity: 1, movable: false, room: 1 }, { type: EquipmentType.CHAIRS, quantity: 20 }],
      });
    }
    const run = async (area: string) => countStatements(subgraph.db, async () => expect((await signedRequest(subgraph.url, query, { area })).body.errors).toBeUndefined());
    const one = await run("349902S01C01");
    const all = await run("349902");
    expect(all).toBe(one);
  });
});
