import { Booking, BOOKING_DEFAULTS } from "@subgraphs/venues/bookings/booking.entity";
import { BookingStatus } from "@subgraphs/venues/bookings/booking.enums";
import { BookingPurpose } from "@subgraphs/venues/facilities";
import { TestHub } from "@test/support/hub";
import { CAST } from "./cast";
import { Actor, Expectation, MatrixRow, Probe } from "./matrix";

// DOMAIN §9.2 rows owned by venues: "Facilities, rooms, availability" and "Bookings" (split into read, create,
// cancel and the venue admin's approve/bump/check-in). Demo ids from DOMAIN §10.4 and the venues seeds: 竹西社区党群服务中心
// (fac_zx_center, in 竹西社区 340111X01C01 of 常青街道 340111X01) with its hall, activity room A and meeting room.
// Where §9.2 says "—" for data the public reads (RV and PO on facilities), the caller gets the public view, no more.

/** Callers of the venues rows: each column's boundary caller, and the in-scope caller where §9.2 grants something. */
export const VENUES_ACTORS = {
  FA: CAST.federationAdmin,
  SS_OUT: CAST.streetStaffShushan,
  SS_IN: CAST.streetStaffChangqing,
  // the leak: an empty area-code claim matched every area (once the gateway refuses empty scopes, this is UNAUTHENTICATED)
  SS_EMPTY: { column: "SS/CS", who: "street staff whose token has an empty area code", token: { sub: "per_t_ss_empty", roles: ["SS"], areaCodes: [""] } },
  SUP_OUT: CAST.supervisorOfNone,
  SUP_IN: CAST.supervisorOfLezhulin,
  OL_OTHER: CAST.leaderOfJiaqiao,
  OL_OWN: CAST.leaderOfLezhulin,
  OM_OTHER: CAST.memberOfJiaqiao,
  AC_OTHER: CAST.academyStaffElsewhere,
  AC_OWN: CAST.academyStaffChangqing,
  RV: { column: "RV", who: "reviewer of 六零系八零's application", token: { sub: "per_rv_cq", roles: ["RV"], applicationIds: ["app_cq2022_6080"] } },
  PO: { column: "PO", who: "PO of 常青街道社区微创投", token: { sub: "per_po_cq", roles: ["PO"], programIds: ["prog_cq_micro"] } },
  VA_OTHER: { column: "VA", who: "VA of another facility (蜀麓苑)", token: { sub: "per_t_va", roles: ["VA"], facilityIds: ["fac_sly_center"] } },
  VA_OWN: { column: "VA", who: "VA of 竹西社区党群服务中心", token: { sub: "per_zx_admin", roles: ["VA"], facilityIds: ["fac_zx_center"] } },
  PT: CAST.anonymousPartner,
} satisfies Record<string, Actor>;
const A = VENUES_ACTORS;

type Variables = Record<string, unknown>;
const probe = (as: Actor, does: string, query: string, expect: Expectation, variables?: Variables): Probe => ({ as, does, query, variables, expect });
const refusedFor = (actors: Actor[], does: string, query: string, variables?: Variables): Probe[] =>
  actors.map((as) => probe(as, does, query, { outcome: "refused", code: as.token ? "FORBIDDEN" : "UNAUTHENTICATED", check: (data) => expect(data).toBeNull() }, variables));

// ---------------------------------------------------------------- rows of the matrix's own (ids with mx)
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const mxBooking = (id: string, fields: Partial<Booking> & Pick<Booking, "roomId" | "organizationId" | "startsAt" | "endsAt">): Booking => ({
  ...BOOKING_DEFAULTS,
  id,
  requestedById: "per_zhang_leader",
  purpose: BookingPurpose.MEETING,
  title: "矩阵测试会议",
  expectedAttendance: 8,
  status: BookingStatus.CONFIRMED,
  ...fields,
});
const MX_BOOKINGS: Booking[] = [
  // a private course booking of 常青街道社区治理学校 at the 社工站 training room
  mxBooking("bkg_mx_course", { roomId: "room_cq_sws_training", organizationId: "org_ailin", requestedById: "per_acad_staff", purpose: BookingPurpose.COURSE_SESSION, academyId: "acad_cq", title: "矩阵测试课程", startsAt: at("2022-04-26", "13:30"), endsAt: at("2022-04-26", "16:30") }),
  mxBooking("bkg_mx_cancel", { roomId: "room_zx_meeting", organizationId: "org_lezhulin", startsAt: at("2022-03-16", "14:00"), endsAt: at("2022-03-16", "15:00") }),
  mxBooking("bkg_mx_pending", { roomId: "room_zx_hall", organizationId: "org_jiaqiao", requestedById: "per_liu_leader", status: BookingStatus.PENDING_APPROVAL, approvalRequired: true, expectedAttendance: 55, startsAt: at("2022-03-17", "09:00"), endsAt: at("2022-03-17", "11:00") }),
  mxBooking("bkg_mx_bump", { roomId: "room_zx_a", organizationId: "org_lezhulin", startsAt: at("2022-03-17", "14:00"), endsAt: at("2022-03-17", "16:00") }),
  // today (Saturday 2022-03-12, 09:00): the centre opens 09:00–11:30, so this one can be checked in now
  mxBooking("bkg_mx_checkin", { roomId: "room_zx_meeting", organizationId: "org_lezhulin", startsAt: at("2022-03-12", "09:00"), endsAt: at("2022-03-12", "10:00") }),
];
async function addBookings(hub: TestHub): Promise<void> {
  await hub.subgraphs.venues.db.getRepository(Booking).insert(MX_BOOKINGS);
}

// ---------------------------------------------------------------- facilities, rooms, availability
const FACILITY = `{
  facility(id: "fac_zx_center") { name publicPhone rooms { id name capacity } openingHours { days opens closes } }
  availableRooms(near: { areaCode: "340111X01C01" }, date: "2022-03-15", window: { from: "08:30", to: "12:00" }, minDurationMinutes: 60) { room { id } freeSlots { startsAt endsAt } }
}`;
const readsFacility: Expectation = {
  outcome: "allowed",
  check: (data) => {
    expect(data.facility).toMatchObject({ name: "竹西社区党群服务中心", publicPhone: "100-0000-0101" });
    expect(data.facility.rooms.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(["room_zx_hall", "room_zx_a", "room_zx_meeting"]));
    // the hall is free on the morning of 2022-03-15 (Q1): free/busy is public
    expect(data.availableRooms.map((r: { room: { id: string } }) => r.room.id)).toContain("room_zx_hall");
  },
};

// ---------------------------------------------------------------- bookings: read
const DAY_BOARD = `{ roomDayBoard(facilityId: "fac_zx_center", date: "2022-03-15") {
  room { id } bookings { id title status requestedBy { id } }
} }`;
type BoardBooking = { id: string; title: string; status: string; requestedBy: { id: string } | null };
const bookingOf = (data: any, id: string): BoardBooking | undefined =>
  data.roomDayBoard.flatMap((r: { bookings: BoardBooking[] }) => r.bookings).find((b: BoardBooking) => b.id === id);
/** Full: the private supervision meeting of 爱邻 reads in clear with its requester, the cancellation is listed. */
const seesBoardInFull: Expectation = {
  outcome: "allowed",
  check: (data) => {
    expect(bookingOf(data, "bkg_zx_0315_supervision")).toMatchObject({ title: "乐竹邻骨干督导", requestedBy: { id: "per_wu_supervisor" } });
    expect(bookingOf(data, "bkg_zx_0315_cancelled")).toMatchObject({ status: "CANCELLED", requestedBy: { id: "per_liu_leader" } });
  },
};
/** Busy blocks: private titles read 已预约, no requester, no cancellations; PUBLIC titles stay (§9.2 PT). */
const seesBusyBlocks = (ownBookingsOf?: string): Expectation => ({
  outcome: "limited",
  check: (data) => {
    expect(bookingOf(data, "bkg_zx_0315_supervision")).toMatchObject({ title: "已预约", requestedBy: null });
    expect(bookingOf(data, "bkg_zx_0315_cancelled")).toBeUndefined();
    expect(bookingOf(data, "bkg_zx_0315_handcraft")).toMatchObject({ title: "手工兴趣小组", requestedBy: ownBookingsOf ? { id: ownBookingsOf } : null });
  },
});
const COURSE_BOOKING = `{ roomDayBoard(facilityId: "fac_cq_sws", date: "2022-04-26") { bookings { id title requestedBy { id } } } }`;
const courseBooking = (data: any) => data.roomDayBoard.flatMap((r: { bookings: BoardBooking[] }) => r.bookings).find((b: BoardBooking) => b.id === "bkg_mx_course");
const BOOKING_CONTACT = `{ roomDayBoard(facilityId: "fac_zx_center", date: "2022-03-15") { bookings { id requestedBy { id displayName phone } } } }`;
const contactOfHandcraft = (data: any) => data.roomDayBoard.flatMap((r: { bookings: { id: string }[] }) => r.bookings).find((b: { id: string }) => b.id === "bkg_zx_0315_handcraft").requestedBy;

// ---------------------------------------------------------------- bookings: create
const CREATE = `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id status organization { id } } conflicts { reason } } }`;
const meeting = (title: string, from: string, to: string, organizationId = "org_lezhulin") => ({
  input: { roomId: "room_zx_meeting", organizationId, purpose: "MEETING", title, expectedAttendance: 8, startsAt: `2022-03-14T${from}:00+08:00`, endsAt: `2022-03-14T${to}:00+08:00` },
});
const courseSession = (academyId: string, from: string, to: string) => ({
  input: { roomId: "room_cq_sws_training", organizationId: "org_ailin", purpose: "COURSE_SESSION", academyId, title: "矩阵测试课程2", expectedAttendance: 20, startsAt: `2022-04-26T${from}:00+08:00`, endsAt: `2022-04-26T${to}:00+08:00` },
});
const BOOKINGS_ON_THE_14TH = `{ organization(id: "org_lezhulin") { bookings(range: { from: "2022-03-14", to: "2022-03-14" }) { title } } }`;
const booked: Expectation = {
  outcome: "allowed",
  check: (data) => expect(data.createBooking).toMatchObject({ booking: { status: "CONFIRMED" }, conflicts: [] }),
};

// ---------------------------------------------------------------- bookings: cancel
const CANCEL = (id: string) => `mutation { cancelBooking(id: "${id}", reason: "矩阵测试") { id status } }`;
const STATUS = (id: string) => `{ roomDayBoard(facilityId: "fac_zx_center", date: "${id === "bkg_mx_cancel" ? "2022-03-16" : id === "bkg_mx_checkin" ? "2022-03-12" : "2022-03-17"}") { bookings { id status } } }`;
const statusIs = (id: string, status: string): Expectation => ({
  outcome: "allowed",
  check: (data) => expect(data.roomDayBoard.flatMap((r: { bookings: { id: string; status: string }[] }) => r.bookings).find((b: { id: string }) => b.id === id)).toEqual({ id, status }),
});

// ---------------------------------------------------------------- bookings: the venue admin's approve, bump, check in
const APPROVE = `mutation { approveBooking(id: "bkg_mx_pending") { id status } }`;
const BUMP = `mutation { bumpBooking(id: "bkg_mx_bump", reason: "街道应急演练") { booking { id status } alternatives { room { id } } } }`;
const CHECK_IN = `mutation { checkInBooking(id: "bkg_mx_checkin") { id status } }`;

const NOT_THE_VENUE = [A.PT, A.FA, A.SS_IN, A.SUP_IN, A.OL_OWN, A.OM_OTHER, A.AC_OWN, A.RV, A.PO, A.VA_OTHER];

export const rows: MatrixRow[] = [
  {
    // No mutation edits facilities, rooms or opening hours yet (§9.2 "R W" for FA and VA): only the reads are probed.
    data: "Facilities, rooms, availability",
    probes: [A.FA, A.SS_OUT, A.SUP_OUT, A.OL_OTHER, A.OM_OTHER, A.AC_OTHER, A.RV, A.PO, A.VA_OTHER, A.VA_OWN, A.PT].map((as) =>
      probe(as, "reads 竹西社区党群服务中心, its rooms and the free rooms near 竹西社区", FACILITY, readsFacility),
    ),
  },
  {
    data: "Bookings — read",
    setup: addBookings,
    probes: [
      probe(A.FA, "reads the 竹西 day board", DAY_BOARD, seesBoardInFull),
      probe(A.SS_IN, "reads the 竹西 day board (in their street)", DAY_BOARD, seesBoardInFull),
      probe(A.SS_OUT, "reads the 竹西 day board", DAY_BOARD, seesBusyBlocks()),
      // an empty scope is never a wildcard: the gateway refuses the token before any subgraph sees it
      probe(A.SS_EMPTY, "reads the 竹西 day board", DAY_BOARD, { outcome: "refused", code: "UNAUTHENTICATED" }),
      probe(A.SUP_OUT, "reads the 竹西 day board", DAY_BOARD, seesBusyBlocks()),
      probe(A.SUP_IN, "reads the 竹西 day board: 乐竹邻's bookings in full, others' as busy blocks", DAY_BOARD, seesBusyBlocks("per_lzl_deputy")),
      probe(A.OL_OTHER, "reads the 竹西 day board", DAY_BOARD, seesBusyBlocks()),
      probe(A.OL_OWN, "reads the 竹西 day board: its own booking in full", DAY_BOARD, seesBusyBlocks("per_lzl_deputy")),
      probe(A.OM_OTHER, "reads the 竹西 day board", DAY_BOARD, seesBusyBlocks()),
      probe(A.AC_OTHER, "reads the 竹西 day board", DAY_BOARD, seesBusyBlocks()),
      probe(A.AC_OTHER, "reads a private course booking of 常青街道社区治理学校", COURSE_BOOKING, {
        outcome: "limited",
        check: (data) => expect(courseBooking(data)).toEqual({ id: "bkg_mx_course", title: "已预约", requestedBy: null }),
      }),
      probe(A.AC_OWN, "reads its academy's private course booking in full", COURSE_BOOKING, {
        outcome: "allowed",
        check: (data) => expect(courseBooking(data)).toEqual({ id: "bkg_mx_course", title: "矩阵测试课程", requestedBy: { id: "per_acad_staff" } }),
      }),
      probe(A.RV, "reads the 竹西 day board", DAY_BOARD, seesBusyBlocks()),
      probe(A.PO, "reads the 竹西 day board", DAY_BOARD, seesBusyBlocks()),
      probe(A.VA_OTHER, "reads the 竹西 day board", DAY_BOARD, seesBusyBlocks()),
      probe(A.VA_OWN, "reads its day board in full", DAY_BOARD, seesBoardInFull),
      probe(A.PT, "reads the 竹西 day board", DAY_BOARD, seesBusyBlocks()),
      // §9.3: the public never gets a requester, so never a name or phone through a booking
      probe(A.PT, "reads who booked", BOOKING_CONTACT, {
        outcome: "limited",
        check: (data) => expect(new Set(data.roomDayBoard.flatMap((r: { bookings: { requestedBy: unknown }[] }) => r.bookings.map((b) => b.requestedBy)))).toEqual(new Set([null])),
      }),
      // §9.2 gives VA the booking contact, but §9.3 lists no VA among the clear-text readers of names and phones:
      // the safer reading holds (the organizations subgraph masks them) until it learns who is whose booking contact
      probe(A.VA_OWN, "reads who booked: the booking contact, name masked, no phone (§9.3)", BOOKING_CONTACT, {
        outcome: "limited",
        check: (data) => expect(contactOfHandcraft(data)).toEqual({ id: "per_lzl_deputy", displayName: "王*华", phone: null }),
      }),
      probe(A.OL_OWN, "reads who booked its own booking: its member, name and phone in clear (§9.3 OL own)", BOOKING_CONTACT, {
        outcome: "allowed",
        check: (data) => expect(contactOfHandcraft(data)).toEqual({ id: "per_lzl_deputy", displayName: "王某华", phone: "100-0000-0002" }),
      }),
    ],
  },
  {
    data: "Bookings — create",
    probes: [
      ...refusedFor([A.PT, A.FA, A.SS_IN, A.SUP_IN, A.OL_OTHER, A.OM_OTHER, A.RV, A.PO, A.VA_OTHER], "books 竹西's meeting room for 乐竹邻", CREATE, meeting("矩阵越权预约", "14:00", "15:00")),
      ...refusedFor([A.AC_OTHER], "books a course session for 常青街道社区治理学校", CREATE, courseSession("acad_cq", "09:00", "11:00")),
      probe(A.OL_OWN, "finds no trace of the refused bookings", BOOKINGS_ON_THE_14TH, {
        outcome: "allowed",
        check: (data) => expect(data.organization.bookings.map((b: { title: string }) => b.title)).not.toContain("矩阵越权预约"),
      }),
      probe(A.OL_OWN, "books 竹西's meeting room for 乐竹邻", CREATE, booked, meeting("矩阵测试预约", "14:00", "15:00")),
      probe(A.VA_OWN, "books its meeting room for 加侨飞扬", CREATE, booked, meeting("矩阵场地代订", "15:30", "16:30", "org_jiaqiao")),
      probe(A.AC_OWN, "books a course session for its academy", CREATE, booked, courseSession("acad_cq", "09:00", "11:00")),
    ],
  },
  {
    data: "Bookings — cancel",
    probes: [
      ...refusedFor([A.PT, A.FA, A.SS_IN, A.SUP_IN, A.OL_OTHER, A.OM_OTHER, A.AC_OWN, A.RV, A.PO, A.VA_OTHER], "cancels 乐竹邻's meeting", CANCEL("bkg_mx_cancel")),
      ...refusedFor([A.AC_OTHER], "cancels 常青街道社区治理学校's course booking", CANCEL("bkg_mx_course")),
      probe(A.OL_OWN, "finds its meeting still confirmed", STATUS("bkg_mx_cancel"), statusIs("bkg_mx_cancel", "CONFIRMED")),
      probe(A.OL_OWN, "cancels its meeting", CANCEL("bkg_mx_cancel"), { outcome: "allowed", check: (data) => expect(data.cancelBooking).toEqual({ id: "bkg_mx_cancel", status: "CANCELLED" }) }),
    ],
  },
  {
    data: "Bookings — approve, bump, check in",
    probes: [
      ...refusedFor(NOT_THE_VENUE, "approves 加侨飞扬's pending hall booking", APPROVE),
      ...refusedFor([A.PT, A.FA, A.SS_IN, A.OL_OWN, A.VA_OTHER], "bumps 乐竹邻's activity-room booking", BUMP),
      ...refusedFor([A.PT, A.FA, A.SS_IN, A.OL_OWN, A.VA_OTHER], "checks in 乐竹邻's meeting", CHECK_IN),
      probe(A.FA, "finds the pending booking still pending", STATUS("bkg_mx_pending"), statusIs("bkg_mx_pending", "PENDING_APPROVAL")),
      probe(A.FA, "finds the booking to bump still confirmed", STATUS("bkg_mx_bump"), statusIs("bkg_mx_bump", "CONFIRMED")),
      probe(A.FA, "finds today's meeting not checked in", STATUS("bkg_mx_checkin"), statusIs("bkg_mx_checkin", "CONFIRMED")),
      probe(A.VA_OWN, "approves the pending hall booking", APPROVE, { outcome: "allowed", check: (data) => expect(data.approveBooking).toEqual({ id: "bkg_mx_pending", status: "CONFIRMED" }) }),
      probe(A.VA_OWN, "bumps the activity-room booking", BUMP, { outcome: "allowed", check: (data) => expect(data.bumpBooking.booking).toEqual({ id: "bkg_mx_bump", status: "BUMPED" }) }),
      probe(A.VA_OWN, "checks in today's meeting", CHECK_IN, { outcome: "allowed", check: (data) => expect(data.checkInBooking).toEqual({ id: "bkg_mx_checkin", status: "CHECKED_IN" }) }),
    ],
  },
];
