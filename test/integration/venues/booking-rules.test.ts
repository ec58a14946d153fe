import { pinClock } from "@kit/clock";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { Booking } from "@subgraphs/venues/bookings/booking.entity";
import { BookingStatus } from "@subgraphs/venues/bookings/booking.enums";
import { EquipmentType } from "@subgraphs/venues/facilities/facility.enums";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import {
  addTestFacility,
  at,
  birthdayParty,
  bookingIn,
  bookingRow,
  codeOf,
  CREATE_BOOKING,
  DEMO_NOW,
  iso,
  JIAQIAO_LEADER,
  LEZHULIN_LEADER,
  reasons,
  TL_COMMUNITY_STAFF,
  TONGLING_LEADER,
  ZX_COMMUNITY_STAFF,
} from "./fixtures";

// Rules C1–C8 at write time (DOMAIN §5), each failure a typed conflict in the payload with nothing written.
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

const book = (input: Record<string, unknown>, claims = LEZHULIN_LEADER) => signedRequest(subgraph.url, CREATE_BOOKING, { input }, claims);
const bookingCount = () => subgraph.db.getRepository(Booking).count();

/** Books and expects conflicts only, with nothing stored. */
async function expectConflicts(input: Record<string, unknown>, claims = LEZHULIN_LEADER) {
  const before = await bookingCount();
  const { body } = await book(input, claims);
  expect(body.errors).toBeUndefined();
  expect(body.data.createBooking.booking).toBeNull();
  expect(await bookingCount()).toBe(before);
  return body.data.createBooking.conflicts as { reason: string; message: string; startsAt: string | null; endsAt: string | null }[];
}

describe("M2 on the demo data", () => {
  test("乐竹邻 books the 竹西 hall for its birthday party with the sound system: CONFIRMED", async () => {
    const { body } = await book(birthdayParty());
    expect(body.errors).toBeUndefined();
    expect(body.data.createBooking.conflicts).toEqual([]);
    expect(body.data.createBooking.booking).toMatchObject({
      status: "CONFIRMED",
      startsAt: iso("2022-03-15", "09:00"),
      endsAt: iso("2022-03-15", "11:00"),
      title: "三月集体生日会",
      visibility: "PRIVATE",
      holdExpiresAt: null,
      room: { id: "room_zx_hall", name: "多功能厅", facility: { name: "竹西社区党群服务中心" } },
      organization: { id: "org_lezhulin" },
      requestedBy: { id: "per_zhang_leader" },
      equipment: [{ quantity: 1, equipment: { id: "eqp_zx_hall_sound", type: "SOUND_SYSTEM" } }],
    });
    expect(body.data.createBooking.booking.id).toMatch(/^bkg_[0-9A-Z]{26}$/);
  });

  test("C1: the same slot again is an OVERLAP naming the booked interval; so is a start within the 15 min turnaround", async () => {
    const again = await expectConflicts(birthdayParty({ title: "重复预约" }));
    expect(again).toEqual([{ reason: "OVERLAP", startsAt: iso("2022-03-15", "09:00"), endsAt: iso("2022-03-15", "11:00"), message: expect.stringContaining("2022-03-15 09:00–11:00") }]);
    expect(reasons({ conflicts: await expectConflicts(bookingIn("room_zx_hall", "2022-03-15", "11:00", "12:00")) })).toEqual(["OVERLAP"]);
    const afterTurnaround = await book(bookingIn("room_zx_hall", "2022-03-15", "11:30", "12:00"));
    expect(afterTurnaround.body.data.createBooking.booking.status).toBe("CONFIRMED");
  });
});

describe("each rule, on the store", () => {
  test("C2: outside opening hours, across the lunch closure, on a Sunday", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "c2");
    expect(await expectConflicts(bookingIn(roomIds[0], "2022-03-14", "07:30", "09:00"))).toMatchObject([{ reason: "OUTSIDE_OPENING_HOURS", message: expect.stringContaining("08:30–12:00, 13:30–17:30") }]);
    expect(await expectConflicts(bookingIn(roomIds[0], "2022-03-14", "11:00", "14:00"))).toMatchObject([{ reason: "OUTSIDE_OPENING_HOURS", message: expect.stringContaining("closure 12:00–13:30") }]);
    expect(reasons({ conflicts: await expectConflicts(bookingIn(roomIds[0], "2022-03-13", "09:00", "10:00")) })).toEqual(["CLOSED_DAY"]);
  });

  test("C2: on the 清明 holiday the day is closed; the Saturday makeup workday opens with weekday hours", async () => {
    pinClock(new Date("2022-04-01T09:00:00+08:00"));
    const { roomIds } = await addTestFacility(subgraph.db, "holiday");
    expect(await expectConflicts(bookingIn(roomIds[0], "2022-04-04", "09:00", "10:00"))).toEqual([
      { reason: "CLOSED_DAY", startsAt: iso("2022-04-04", "00:00"), endsAt: iso("2022-04-05", "00:00"), message: expect.stringContaining("清明节") },
    ]);
    const makeup = await book(bookingIn(roomIds[0], "2022-04-02", "14:00", "16:00"));
    expect(makeup.body.data.createBooking).toMatchObject({ booking: { status: "CONFIRMED" }, conflicts: [] });
  });

  test("C3: inside the lead time, and beyond the 3-day horizon", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "c3");
    expect(await expectConflicts(bookingIn(roomIds[0], "2022-03-12", "10:00", "11:00"))).toMatchObject([{ reason: "LEAD_TIME", message: expect.stringContaining("2022-03-12 11:00") }]);
    expect(await expectConflicts(bookingIn(roomIds[0], "2022-03-16", "09:00", "10:00"))).toMatchObject([{ reason: "ADVANCE_WINDOW", message: expect.stringContaining("2022-03-15") }]);
  });

  test("C4: longer than the policy allows, or off the 30-minute grid", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "c4", { policy: { maxDurationMinutes: 120 } });
    expect(reasons({ conflicts: await expectConflicts(bookingIn(roomIds[0], "2022-03-14", "13:30", "16:00")) })).toEqual(["DURATION"]);
    expect(reasons({ conflicts: await expectConflicts(bookingIn(roomIds[0], "2022-03-14", "09:10", "10:10")) })).toEqual(["DURATION"]);
  });

  test("C5: more people than the room holds", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "c5", { capacity: 20 });
    expect(await expectConflicts(bookingIn(roomIds[0], "2022-03-14", "09:00", "10:00", { expectedAttendance: 25 }))).toMatchObject([
      { reason: "CAPACITY", startsAt: null, endsAt: null, message: expect.stringContaining("holds 20 people, not 25") },
    ]);
  });

  test("C6: the 睦邻点 has one hairdressing kit and no projector", async () => {
    const kits = await expectConflicts(bookingIn("room_jq_corner", "2022-03-14", "09:00", "10:00", { organizationId: "org_jiaqiao", equipment: [{ type: "HAIRDRESSING_KIT", quantity: 2 }] }), JIAQIAO_LEADER);
    expect(kits).toMatchObject([{ reason: "EQUIPMENT_UNAVAILABLE", message: expect.stringContaining("Only 1 of the 2 HAIRDRESSING_KIT") }]);
    expect(reasons({ conflicts: await expectConflicts(bookingIn("room_jq_corner", "2022-03-14", "09:00", "10:00", { organizationId: "org_jiaqiao", equipment: [{ type: "PROJECTOR", quantity: 1 }] }), JIAQIAO_LEADER) })).toEqual([
      "EQUIPMENT_UNAVAILABLE",
    ]);
    const haircut = await book(bookingIn("room_jq_corner", "2022-03-14", "09:00", "10:00", { organizationId: "org_jiaqiao", title: "义务理发", equipment: [{ type: "HAIRDRESSING_KIT", quantity: 1 }] }), JIAQIAO_LEADER);
    expect(haircut.body.data.createBooking.booking).toMatchObject({ status: "CONFIRMED", equipment: [{ quantity: 1, equipment: { id: "eqp_jq_hair" } }] });
  });

  test("C6: movable chairs lent to an overlapping booking in another room are not there to lend again", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "chairs", { rooms: 2, equipment: [{ type: EquipmentType.CHAIRS, quantity: 40 }] });
    const first = await book(bookingIn(roomIds[0], "2022-03-14", "09:00", "11:00", { equipment: [{ type: "CHAIRS", quantity: 30 }] }));
    expect(first.body.data.createBooking.booking.status).toBe("CONFIRMED");
    const second = await expectConflicts(bookingIn(roomIds[1], "2022-03-14", "10:00", "12:00", { equipment: [{ type: "CHAIRS", quantity: 30 }] }));
    expect(second).toEqual([{ reason: "EQUIPMENT_UNAVAILABLE", startsAt: iso("2022-03-14", "09:00"), endsAt: iso("2022-03-14", "11:00"), message: expect.stringContaining("Only 10 of the 30") }]);
    const fewer = await book(bookingIn(roomIds[1], "2022-03-14", "10:00", "12:00", { equipment: [{ type: "CHAIRS", quantity: 10 }] }));
    expect(fewer.body.data.createBooking.booking.status).toBe("CONFIRMED");
  });

  test("C7: a preparing organization is not eligible; an informal team needs its community worker as sponsor", async () => {
    const preparing = await expectConflicts(bookingIn("room_sjk_meeting", "2022-03-14", "09:00", "10:00", { organizationId: "org_sjk_fed" }), { personId: "per_fed", roles: ["ORG_LEADER"], orgIds: ["org_sjk_fed"] });
    expect(preparing).toMatchObject([{ reason: "NOT_ELIGIBLE", message: expect.stringContaining("PREPARING") }]);
    const dance = bookingIn("room_tl_square", "2022-03-14", "19:00", "20:30", { organizationId: "org_tl_dance", title: "广场舞", expectedAttendance: 40 });
    expect(await expectConflicts(dance, TONGLING_LEADER)).toMatchObject([{ reason: "NOT_ELIGIBLE", message: expect.stringContaining("sponsoring community worker") }]);
    const sponsored = await book(dance, TL_COMMUNITY_STAFF);
    expect(sponsored.body.data.createBooking.booking).toMatchObject({ status: "CONFIRMED", organization: { id: "org_tl_dance" }, requestedBy: { id: "per_tl_cs" } });
    const unknown = await expectConflicts(bookingIn("room_zx_a", "2022-03-14", "09:00", "10:00", { organizationId: "org_nobody" }), { personId: "per_x", roles: ["ORG_LEADER"], orgIds: ["org_nobody"] });
    expect(reasons({ conflicts: unknown })).toEqual(["NOT_ELIGIBLE"]);
  });

  test("C8: over the 20 h monthly quota (late cancellations count), and over the active-bookings cap", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "quota", { rooms: 1 });
    const used = ["2022-03-01", "2022-03-02", "2022-03-03", "2022-03-04", "2022-03-07"].map((day, i) =>
      bookingRow({ id: `bkg_quota_${i}`, roomId: roomIds[0], organizationId: "org_lezhulin", startsAt: at(day, "08:30"), endsAt: at(day, "12:00"), status: BookingStatus.COMPLETED }),
    );
    used.push(bookingRow({ id: "bkg_quota_late", roomId: roomIds[0], organizationId: "org_lezhulin", startsAt: at("2022-03-08", "14:00"), endsAt: at("2022-03-08", "15:30"), status: BookingStatus.CANCELLED, lateCancellation: true }));
    await subgraph.db.getRepository(Booking).insert(used); // 19 h counted
    const over = await expectConflicts(bookingIn(roomIds[0], "2022-03-14", "09:00", "10:30"));
    expect(over).toEqual([{ reason: "QUOTA", startsAt: iso("2022-03-01", "00:00"), endsAt: iso("2022-04-01", "00:00"), message: expect.stringContaining("60 min are left") }]);
    const fits = await book(bookingIn(roomIds[0], "2022-03-14", "09:00", "10:00"));
    expect(fits.body.data.createBooking.booking.status).toBe("CONFIRMED");

    const capped = await addTestFacility(subgraph.db, "active", { policy: { perOrgMaxActiveBookings: 1 } });
    expect((await book(bookingIn(capped.roomIds[0], "2022-03-14", "09:00", "10:00"))).body.data.createBooking.booking.status).toBe("CONFIRMED");
    expect(await expectConflicts(bookingIn(capped.roomIds[0], "2022-03-15", "09:00", "10:00"))).toMatchObject([{ reason: "QUOTA", message: expect.stringContaining("1 upcoming bookings") }]);
  });

  test("every broken rule is reported at once, in rule order", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "many");
    const conflicts = await expectConflicts(bookingIn(roomIds[0], "2022-03-16", "11:10", "14:00", { expectedAttendance: 30 }));
    expect(reasons({ conflicts })).toEqual(["OUTSIDE_OPENING_HOURS", "ADVANCE_WINDOW", "DURATION", "CAPACITY"]);
  });

  test("a booking above the venue's attendance threshold waits for approval", async () => {
    const { body } = await book(bookingIn("room_zx_hall", "2022-03-14", "09:00", "11:00", { expectedAttendance: 55, title: "社区议事大会" }));
    expect(body.data.createBooking.booking.status).toBe("PENDING_APPROVAL");
  });
});

describe("who may book", () => {
  test("an organization books only for itself: 加侨飞扬's leader booking for 乐竹邻 is FORBIDDEN, nothing written", async () => {
    const before = await bookingCount();
    const { body } = await book(bookingIn("room_zx_a", "2022-03-14", "14:00", "15:00"), JIAQIAO_LEADER);
    expect(codeOf(body)).toBe("FORBIDDEN");
    expect(body.errors![0].message).toMatch(/org_lezhulin/);
    expect(await bookingCount()).toBe(before);
  });

  test("the public view cannot book; a community worker sponsors informal teams only", async () => {
    expect(codeOf((await book(bookingIn("room_zx_a", "2022-03-14", "14:00", "15:00"), {})).body)).toBe("UNAUTHENTICATED");
    expect(codeOf((await book(bookingIn("room_zx_a", "2022-03-14", "14:00", "15:00"), ZX_COMMUNITY_STAFF)).body)).toBe("FORBIDDEN");
  });
});

describe("malformed input is BAD_USER_INPUT, never a conflict", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["a malformed room id", { roomId: "room zx; --" }, /^input\.roomId:/],
    ["a room id where an organization id belongs", { organizationId: "room_zx_hall" }, /^input\.organizationId:.*Room id/],
    ["an end before the start", { endsAt: "2022-03-15T08:00:00+08:00" }, /^input\.endsAt:/],
    ["an interval longer than 24 h", { endsAt: "2022-03-16T10:00:00+08:00" }, /^input\.endsAt:.*24 h/],
    ["an empty title", { title: "  " }, /^input\.title:/],
    ["no attendance", { expectedAttendance: 0 }, /^input\.expectedAttendance:/],
    ["zero of an equipment", { equipment: [{ type: "CHAIRS", quantity: 0 }] }, /^input\.equipment\[0\]\.quantity:/],
    ["an equipment type twice", { equipment: [{ type: "CHAIRS", quantity: 1 }, { type: "CHAIRS", quantity: 2 }] }, /^input\.equipment\[1\]\.type:/],
    ["an incubation desk", { roomId: "room_cq_inc_desk_1" }, /^input\.roomId:.*tenancy/],
  ];
  test.each(cases)("%s", async (_name, changes, message) => {
    const { body } = await book(birthdayParty(changes));
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
    expect(body.errors![0].message).toMatch(message);
  });

  test("a date-time without an offset", async () => {
    expect(codeOf((await book(birthdayParty({ startsAt: "2022-03-15 09:00" }))).body)).toBe("BAD_USER_INPUT");
  });

  test("an unknown room is NOT_FOUND", async () => {
    const { body } = await book(birthdayParty({ roomId: "room_nope" }));
    expect(codeOf(body)).toBe("NOT_FOUND");
  });
});
