import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { Booking, BookingStatus } from "@subgraphs/venues/bookings";
import { EquipmentType, LEGAL_FORMS, RoomKind } from "@subgraphs/venues/facilities";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import {
  addTestFacility,
  addTestOrganization,
  at,
  birthdayParty,
  bookingIn,
  bookingRow,
  codeOf,
  communityStaffOf,
  CREATE_BOOKING,
  DEMO_NOW,
  iso,
  leaderOf,
  LEZHULIN_LEADER,
  QINGMING_2022,
  reasons,
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

const book = (input: Record<string, unknown>, claims: Partial<Claims>) => signedRequest(subgraph.url, CREATE_BOOKING, { input }, claims);
const bookingCount = () => subgraph.db.getRepository(Booking).count();

/** Books and expects conflicts only, with nothing stored. */
async function expectConflicts(input: Record<string, unknown>, claims: Partial<Claims>) {
  const before = await bookingCount();
  const { body } = await book(input, claims);
  expect(body.errors).toBeUndefined();
  expect(body.data.createBooking.booking).toBeNull();
  expect(await bookingCount()).toBe(before);
  return body.data.createBooking.conflicts as { reason: string; message: string; startsAt: string | null; endsAt: string | null }[];
}

/** A test facility and an organization of the test's own that may book there, with its leader's claims. */
async function facilityAndOrganization(key: string, options: Parameters<typeof addTestFacility>[2] = {}) {
  const { roomIds } = await addTestFacility(subgraph.db, key, options);
  const organizationId = await addTestOrganization(subgraph.db, key);
  return { roomIds, organizationId, leader: leaderOf(organizationId) };
}

describe("the demo data: M2", () => {
  test("demo: 乐竹邻 books the 竹西 hall for its birthday party with the sound system: CONFIRMED", async () => {
    const { body } = await book(birthdayParty(), LEZHULIN_LEADER);
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
});

describe("each rule, on the store", () => {
  test("C1: the same slot again is an OVERLAP naming the booked interval; so is a start within the 15 min turnaround", async () => {
    const { roomIds, organizationId, leader } = await facilityAndOrganization("c1");
    const party = bookingIn(roomIds[0], organizationId, "2022-03-15", "09:00", "11:00", { title: "三月集体生日会" });
    expect((await book(party, leader)).body.data.createBooking.booking.status).toBe("CONFIRMED");
    const again = await expectConflicts({ ...party, title: "重复预约" }, leader);
    expect(again).toEqual([{ reason: "OVERLAP", startsAt: iso("2022-03-15", "09:00"), endsAt: iso("2022-03-15", "11:00"), message: expect.stringContaining("2022-03-15 09:00–11:00") }]);
    expect(reasons({ conflicts: await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-15", "11:00", "12:00"), leader) })).toEqual(["OVERLAP"]);
    const afterTurnaround = await book(bookingIn(roomIds[0], organizationId, "2022-03-15", "11:30", "12:00"), leader);
    expect(afterTurnaround.body.data.createBooking.booking.status).toBe("CONFIRMED");
  });

  test("C2: outside opening hours, across the lunch closure, on a Sunday", async () => {
    const { roomIds, organizationId, leader } = await facilityAndOrganization("c2");
    expect(await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-14", "07:30", "09:00"), leader)).toMatchObject([{ reason: "OUTSIDE_OPENING_HOURS", message: expect.stringContaining("08:30–12:00, 13:30–17:30") }]);
    expect(await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-14", "11:00", "14:00"), leader)).toMatchObject([{ reason: "OUTSIDE_OPENING_HOURS", message: expect.stringContaining("closure 12:00–13:30") }]);
    expect(reasons({ conflicts: await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-13", "09:00", "10:00"), leader) })).toEqual(["CLOSED_DAY"]);
  });

  test("C2: on the 清明 holiday the day is closed; the Saturday makeup workday opens with weekday hours", async () => {
    pinClock(new Date("2022-04-01T09:00:00+08:00"));
    const { roomIds, organizationId, leader } = await facilityAndOrganization("holiday", { exceptions: QINGMING_2022 });
    expect(await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-04-04", "09:00", "10:00"), leader)).toEqual([
      { reason: "CLOSED_DAY", startsAt: iso("2022-04-04", "00:00"), endsAt: iso("2022-04-05", "00:00"), message: expect.stringContaining("清明节") },
    ]);
    const makeup = await book(bookingIn(roomIds[0], organizationId, "2022-04-02", "14:00", "16:00"), leader);
    expect(makeup.body.data.createBooking).toMatchObject({ booking: { status: "CONFIRMED" }, conflicts: [] });
  });

  test("C3: inside the lead time, and beyond the 3-day horizon", async () => {
    const { roomIds, organizationId, leader } = await facilityAndOrganization("c3");
    expect(await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-12", "10:00", "11:00"), leader)).toMatchObject([{ reason: "LEAD_TIME", message: expect.stringContaining("2022-03-12 11:00") }]);
    expect(await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-16", "09:00", "10:00"), leader)).toMatchObject([{ reason: "ADVANCE_WINDOW", message: expect.stringContaining("2022-03-15") }]);
  });

  test("C4: longer than the policy allows, or off the 30-minute grid", async () => {
    const { roomIds, organizationId, leader } = await facilityAndOrganization("c4", { policy: { maxDurationMinutes: 120 } });
    expect(reasons({ conflicts: await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-14", "13:30", "16:00"), leader) })).toEqual(["DURATION"]);
    expect(reasons({ conflicts: await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-14", "09:10", "10:10"), leader) })).toEqual(["DURATION"]);
  });

  test("C5: more people than the room holds", async () => {
    const { roomIds, organizationId, leader } = await facilityAndOrganization("c5", { capacity: 20 });
    expect(await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-14", "09:00", "10:00", { expectedAttendance: 25 }), leader)).toMatchObject([
      { reason: "CAPACITY", startsAt: null, endsAt: null, message: expect.stringContaining("holds 20 people, not 25") },
    ]);
  });

  test("C6: a neighbourhood point with one hairdressing kit and no projector", async () => {
    const { roomIds, organizationId, leader } = await facilityAndOrganization("hair", { equipment: [{ type: EquipmentType.HAIRDRESSING_KIT, quantity: 1 }] });
    const kits = await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-14", "09:00", "10:00", { equipment: [{ type: "HAIRDRESSING_KIT", quantity: 2 }] }), leader);
    expect(kits).toMatchObject([{ reason: "EQUIPMENT_UNAVAILABLE", message: expect.stringContaining("Only 1 of the 2 HAIRDRESSING_KIT") }]);
    expect(reasons({ conflicts: await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-14", "09:00", "10:00", { equipment: [{ type: "PROJECTOR", quantity: 1 }] }), leader) })).toEqual([
      "EQUIPMENT_UNAVAILABLE",
    ]);
    const haircut = await book(bookingIn(roomIds[0], organizationId, "2022-03-14", "09:00", "10:00", { title: "义务理发", equipment: [{ type: "HAIRDRESSING_KIT", quantity: 1 }] }), leader);
    expect(haircut.body.data.createBooking.booking).toMatchObject({ status: "CONFIRMED", equipment: [{ quantity: 1, equipment: { id: "eqp_t_hair_1" } }] });
  });

  test("C6: movable chairs lent to an overlapping booking in another room are not there to lend again", async () => {
    const { roomIds, organizationId, leader } = await facilityAndOrganization("chairs", { rooms: 2, equipment: [{ type: EquipmentType.CHAIRS, quantity: 40 }] });
    const first = await book(bookingIn(roomIds[0], organizationId, "2022-03-14", "09:00", "11:00", { equipment: [{ type: "CHAIRS", quantity: 30 }] }), leader);
    expect(first.body.data.createBooking.booking.status).toBe("CONFIRMED");
    const second = await expectConflicts(bookingIn(roomIds[1], organizationId, "2022-03-14", "10:00", "12:00", { equipment: [{ type: "CHAIRS", quantity: 30 }] }), leader);
    expect(second).toEqual([{ reason: "EQUIPMENT_UNAVAILABLE", startsAt: iso("2022-03-14", "09:00"), endsAt: iso("2022-03-14", "11:00"), message: expect.stringContaining("Only 10 of the 30") }]);
    const fewer = await book(bookingIn(roomIds[1], organizationId, "2022-03-14", "10:00", "12:00", { equipment: [{ type: "CHAIRS", quantity: 10 }] }), leader);
    expect(fewer.body.data.createBooking.booking.status).toBe("CONFIRMED");
  });

  test("C7: a preparing organization is not eligible; an informal team needs its community worker as sponsor", async () => {
    const area = "349901S07C01";
    const { roomIds } = await addTestFacility(subgraph.db, "c7", { areaCode: area, capacity: 80, policy: { eligibleLegalForms: [...LEGAL_FORMS] } });
    const federation = await addTestOrganization(subgraph.db, "c7_fed", { legalForm: "SOCIAL_GROUP", status: "PREPARING" });
    const preparing = await expectConflicts(bookingIn(roomIds[0], federation, "2022-03-14", "09:00", "10:00"), leaderOf(federation));
    expect(preparing).toMatchObject([{ reason: "NOT_ELIGIBLE", message: expect.stringContaining("PREPARING") }]);
    const team = await addTestOrganization(subgraph.db, "c7_dance", { legalForm: "INFORMAL" });
    const dance = bookingIn(roomIds[0], team, "2022-03-14", "14:00", "15:30", { title: "广场舞", expectedAttendance: 40 });
    expect(await expectConflicts(dance, leaderOf(team))).toMatchObject([{ reason: "NOT_ELIGIBLE", message: expect.stringContaining("sponsoring community worker") }]);
    const sponsor = communityStaffOf(area);
    const sponsored = await book(dance, sponsor);
    expect(sponsored.body.data.createBooking.booking).toMatchObject({ status: "CONFIRMED", organization: { id: team }, requestedBy: { id: sponsor.personId } });
    const unknown = await expectConflicts(bookingIn(roomIds[0], "org_t_c7_nobody", "2022-03-14", "09:00", "10:00"), leaderOf("org_t_c7_nobody"));
    expect(reasons({ conflicts: unknown })).toEqual(["NOT_ELIGIBLE"]);
  });

  test("C8: over the 20 h monthly quota (late cancellations count), and over the active-bookings cap", async () => {
    const { roomIds, organizationId, leader } = await facilityAndOrganization("quota", { rooms: 1 });
    const used = ["2022-03-01", "2022-03-02", "2022-03-03", "2022-03-04", "2022-03-07"].map((day, i) =>
      bookingRow({ id: `bkg_quota_${i}`, roomId: roomIds[0], organizationId, startsAt: at(day, "08:30"), endsAt: at(day, "12:00"), status: BookingStatus.COMPLETED }),
    );
    used.push(bookingRow({ id: "bkg_quota_late", roomId: roomIds[0], organizationId, startsAt: at("2022-03-08", "14:00"), endsAt: at("2022-03-08", "15:30"), status: BookingStatus.CANCELLED, lateCancellation: true }));
    await subgraph.db.getRepository(Booking).insert(used); // 19 h counted
    const over = await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-14", "09:00", "10:30"), leader);
    expect(over).toEqual([{ reason: "QUOTA", startsAt: iso("2022-03-01", "00:00"), endsAt: iso("2022-04-01", "00:00"), message: expect.stringContaining("60 min are left") }]);
    const fits = await book(bookingIn(roomIds[0], organizationId, "2022-03-14", "09:00", "10:00"), leader);
    expect(fits.body.data.createBooking.booking.status).toBe("CONFIRMED");

    const capped = await addTestFacility(subgraph.db, "active", { policy: { perOrgMaxActiveBookings: 1 } });
    expect((await book(bookingIn(capped.roomIds[0], organizationId, "2022-03-14", "09:00", "10:00"), leader)).body.data.createBooking.booking.status).toBe("CONFIRMED");
    expect(await expectConflicts(bookingIn(capped.roomIds[0], organizationId, "2022-03-15", "09:00", "10:00"), leader)).toMatchObject([{ reason: "QUOTA", message: expect.stringContaining("1 upcoming bookings") }]);
  });

  test("every broken rule is reported at once, in rule order", async () => {
    const { roomIds, organizationId, leader } = await facilityAndOrganization("many");
    const conflicts = await expectConflicts(bookingIn(roomIds[0], organizationId, "2022-03-16", "11:10", "14:00", { expectedAttendance: 30 }), leader);
    expect(reasons({ conflicts })).toEqual(["OUTSIDE_OPENING_HOURS", "ADVANCE_WINDOW", "DURATION", "CAPACITY"]);
  });

  test("a booking above the venue's attendance threshold waits for approval", async () => {
    const { roomIds, organizationId, leader } = await facilityAndOrganization("threshold", { capacity: 60, policy: { approvalAboveAttendance: 50 } });
    const { body } = await book(bookingIn(roomIds[0], organizationId, "2022-03-14", "09:00", "11:00", { expectedAttendance: 55, title: "社区议事大会" }), leader);
    expect(body.data.createBooking.booking.status).toBe("PENDING_APPROVAL");
  });
});

describe("who may book", () => {
  test("an organization books only for itself: another organization's leader booking for it is FORBIDDEN, nothing written", async () => {
    const { roomIds, organizationId } = await facilityAndOrganization("itself");
    const other = await addTestOrganization(subgraph.db, "itself_other");
    const before = await bookingCount();
    const { body } = await book(bookingIn(roomIds[0], organizationId, "2022-03-14", "14:00", "15:00"), leaderOf(other));
    expect(codeOf(body)).toBe("FORBIDDEN");
    expect(body.errors![0].message).toContain(organizationId);
    expect(await bookingCount()).toBe(before);
  });

  test("the public view cannot book; a community worker sponsors informal teams only", async () => {
    const area = "349901S08C01";
    const { roomIds, organizationId } = await facilityAndOrganization("sponsor", { areaCode: area });
    expect(codeOf((await book(bookingIn(roomIds[0], organizationId, "2022-03-14", "14:00", "15:00"), {})).body)).toBe("UNAUTHENTICATED");
    expect(codeOf((await book(bookingIn(roomIds[0], organizationId, "2022-03-14", "14:00", "15:00"), communityStaffOf(area))).body)).toBe("FORBIDDEN");
  });
});

describe("malformed input is BAD_USER_INPUT, never a conflict", () => {
  // a well-formed request by a test organization in a test room; each case breaks one thing in it
  const request = (changes: Record<string, unknown>) => bookingIn("room_t_input_1", "org_t_input", "2022-03-15", "09:00", "11:00", { equipment: [{ type: "SOUND_SYSTEM", quantity: 1 }], ...changes });
  beforeAll(async () => {
    await addTestFacility(subgraph.db, "input", { rooms: [{}, { name: "孵化工位1", kind: RoomKind.INCUBATION_DESK, capacity: 4, bookable: false }], equipment: [{ type: EquipmentType.SOUND_SYSTEM, quantity: 1 }] });
    await addTestOrganization(subgraph.db, "input");
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["a malformed room id", { roomId: "room t; --" }, /^input\.roomId:/],
    ["a room id where an organization id belongs", { organizationId: "room_t_input_1" }, /^input\.organizationId:.*Room id/],
    ["an end before the start", { endsAt: "2022-03-15T08:00:00+08:00" }, /^input\.endsAt:/],
    ["an interval longer than 24 h", { endsAt: "2022-03-16T10:00:00+08:00" }, /^input\.endsAt:.*24 h/],
    ["an empty title", { title: "  " }, /^input\.title:/],
    ["no attendance", { expectedAttendance: 0 }, /^input\.expectedAttendance:/],
    ["zero of an equipment", { equipment: [{ type: "CHAIRS", quantity: 0 }] }, /^input\.equipment\[0\]\.quantity:/],
    ["an equipment type twice", { equipment: [{ type: "CHAIRS", quantity: 1 }, { type: "CHAIRS", quantity: 2 }] }, /^input\.equipment\[1\]\.type:/],
    ["an incubation desk", { roomId: "room_t_input_2" }, /^input\.roomId:.*tenancy/],
  ];
  test.each(cases)("%s", async (_name, changes, message) => {
    const { body } = await book(request(changes), leaderOf("org_t_input"));
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
    expect(body.errors![0].message).toMatch(message);
  });

  test("a date-time without an offset", async () => {
    expect(codeOf((await book(request({ startsAt: "2022-03-15 09:00" }), leaderOf("org_t_input"))).body)).toBe("BAD_USER_INPUT");
  });

  test("an unknown room is NOT_FOUND", async () => {
    const { body } = await book(request({ roomId: "room_t_nope" }), leaderOf("org_t_input"));
    expect(codeOf(body)).toBe("NOT_FOUND");
  });
});
