import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { Booking, BookingStatus, BookingVisibility } from "@subgraphs/venues/bookings";
import { BookingPurpose } from "@subgraphs/venues/facilities";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { eligibilityEvent, VENUES_RECEIVE_EVENT } from "@test/support/events";
import {
  ACADEMY_SERVICE,
  ACADEMY_STAFF,
  addTestBooking,
  addTestFacility,
  addTestOrganization,
  bookingIn,
  codeOf,
  CREATE_BOOKING,
  DEMO_NOW,
  iso,
  leaderOf,
  QINGMING_2022,
  venueAdminOf,
} from "./fixtures";

// The booking lifecycle of DOMAIN §8.3, who may move it (§9.2), recurring series and the academy's saga steps.
let subgraph: RunningSubgraph;

beforeAll(async () => {
  pinClock(DEMO_NOW);
  subgraph = await startTestSubgraph(venuesSubgraph);
});
afterEach(() => pinClock(DEMO_NOW));
afterAll(async () => {
  pinClock(null);
  await subgraph?.stop();
});

const FIELDS = "id status statusReason title holdExpiresAt";
const mutate = (name: string, args: string, claims: object, variables: Record<string, unknown>) =>
  signedRequest(subgraph.url, `mutation($id: ID!${"reason" in variables ? ", $reason: String!" : ""}) { ${name}(${args}) { ${FIELDS} } }`, variables, claims);
const cancel = (id: string, claims: object, reason = "活动改期") => mutate("cancelBooking", "id: $id, reason: $reason", claims, { id, reason });
const op = (name: "checkInBooking" | "approveBooking" | "recordNoShow" | "confirmBooking" | "releaseBooking", id: string, claims: object) => mutate(name, "id: $id", claims, { id });
const withReason = (name: "rejectBooking", id: string, reason: string, claims: object) => mutate(name, "id: $id, reason: $reason", claims, { id, reason });

async function booked(input: Record<string, unknown>, claims: Partial<Claims>): Promise<string> {
  const { body } = await signedRequest(subgraph.url, CREATE_BOOKING, { input }, claims);
  expect(body.data.createBooking.conflicts).toEqual([]);
  return body.data.createBooking.booking.id;
}

/** A venue of the test's own, its admin, and an organization that books there, with its leader. */
async function venueWithOrganization(key: string, options: Parameters<typeof addTestFacility>[2] = {}) {
  const { facilityId, roomIds } = await addTestFacility(subgraph.db, key, options);
  const organizationId = await addTestOrganization(subgraph.db, key);
  return { facilityId, roomIds, admin: venueAdminOf(facilityId), organizationId, leader: leaderOf(organizationId) };
}

describe("organizations cancel their own bookings", () => {
  test("the leader cancels with a reason; another organization may not; a cancelled booking cannot be cancelled again", async () => {
    const { roomIds, organizationId, leader } = await venueWithOrganization("cancel");
    const other = await addTestOrganization(subgraph.db, "cancel_other");
    const id = await booked(bookingIn(roomIds[0], organizationId, "2022-03-15", "09:00", "10:00"), leader);
    expect(codeOf((await cancel(id, leaderOf(other))).body)).toBe("FORBIDDEN");
    const { body } = await cancel(id, leader);
    expect(body.data.cancelBooking).toMatchObject({ id, status: "CANCELLED", statusReason: "活动改期" });
    expect((await subgraph.db.getRepository(Booking).findOneByOrFail({ id })).lateCancellation).toBe(false);
    const again = await cancel(id, leader);
    expect(codeOf(again.body)).toBe("CONFLICT");
    expect(again.body.errors![0].extensions).toMatchObject({ state: "CANCELLED", allowed: [] });
    // the slot is free again
    await booked(bookingIn(roomIds[0], organizationId, "2022-03-15", "09:00", "10:00"), leader);
  });

  test("a cancellation within the 24 h cutoff is flagged late (it keeps counting against the quota)", async () => {
    const { roomIds, organizationId, leader } = await venueWithOrganization("late");
    const id = await booked(bookingIn(roomIds[0], organizationId, "2022-03-14", "14:00", "15:00"), leader);
    pinClock(new Date("2022-03-14T08:00:00+08:00"));
    expect((await cancel(id, leader)).body.data.cancelBooking.status).toBe("CANCELLED");
    expect((await subgraph.db.getRepository(Booking).findOneByOrFail({ id })).lateCancellation).toBe(true);
  });

  test("bad ids and a missing reason are BAD_USER_INPUT; an unknown booking is NOT_FOUND; the public view is UNAUTHENTICATED", async () => {
    const { roomIds, organizationId, leader } = await venueWithOrganization("badcancel");
    const id = await addTestBooking(subgraph.db, "badcancel", { roomId: roomIds[0], organizationId, day: "2022-03-14", from: "14:00", to: "15:00" });
    expect(codeOf((await cancel("bkg nope", leader)).body)).toBe("BAD_USER_INPUT");
    expect(codeOf((await cancel(roomIds[0], leader)).body)).toBe("BAD_USER_INPUT");
    expect(codeOf((await cancel(id, leader, " ")).body)).toBe("BAD_USER_INPUT");
    expect(codeOf((await cancel("bkg_t_nope", leader)).body)).toBe("NOT_FOUND");
    expect(codeOf((await cancel(id, {})).body)).toBe("UNAUTHENTICATED");
  });
});

describe("venue admins run their day", () => {
  test("check-in opens 30 min before the start, only for the facility's admin; at the end it is COMPLETED", async () => {
    const { roomIds, admin, organizationId, leader } = await venueWithOrganization("checkin");
    const elsewhere = await addTestFacility(subgraph.db, "checkin_other");
    const id = await addTestBooking(subgraph.db, "checkin", { roomId: roomIds[0], organizationId, day: "2022-03-15", from: "09:00", to: "11:00" });
    expect(codeOf((await op("checkInBooking", id, admin)).body)).toBe("CONFLICT");
    pinClock(new Date("2022-03-15T08:35:00+08:00"));
    expect(codeOf((await op("checkInBooking", id, leader)).body)).toBe("FORBIDDEN");
    expect(codeOf((await op("checkInBooking", id, venueAdminOf(elsewhere.facilityId))).body)).toBe("FORBIDDEN");
    expect((await op("checkInBooking", id, admin)).body.data.checkInBooking.status).toBe("CHECKED_IN");
    pinClock(new Date("2022-03-15T11:00:00+08:00"));
    const { body } = await signedRequest(subgraph.url, `query($id: ID!) { _entities(representations: [{ __typename: "Booking", id: $id }]) { ... on Booking { status } } }`, { id });
    expect(body.data._entities).toEqual([{ status: "COMPLETED" }]);
  });

  test("a no-show is recorded from 30 min after the start", async () => {
    const { roomIds, admin, organizationId } = await venueWithOrganization("noshow");
    const id = await addTestBooking(subgraph.db, "noshow", { roomId: roomIds[0], organizationId, day: "2022-03-15", from: "10:00", to: "11:30" });
    pinClock(new Date("2022-03-15T10:20:00+08:00"));
    expect(codeOf((await op("recordNoShow", id, admin)).body)).toBe("CONFLICT");
    pinClock(new Date("2022-03-15T10:30:00+08:00"));
    expect((await op("recordNoShow", id, admin)).body.data.recordNoShow.status).toBe("NO_SHOW");
  });

  test("the admin approves or rejects bookings pending approval; nobody else may", async () => {
    const { roomIds, admin, organizationId, leader } = await venueWithOrganization("approve", { capacity: 60, policy: { approvalAboveAttendance: 50 } });
    const lecture = await addTestBooking(subgraph.db, "approve", { roomId: roomIds[0], organizationId, day: "2022-03-15", from: "14:00", to: "16:00" }, { expectedAttendance: 55, status: BookingStatus.PENDING_APPROVAL, approvalRequired: true });
    expect(codeOf((await op("approveBooking", lecture, leader)).body)).toBe("FORBIDDEN");
    expect((await op("approveBooking", lecture, admin)).body.data.approveBooking.status).toBe("CONFIRMED");
    const pending = await booked(bookingIn(roomIds[0], organizationId, "2022-03-14", "14:00", "16:00", { expectedAttendance: 58, title: "议事大会" }), leader);
    const rejected = await withReason("rejectBooking", pending, "当天另有安排", admin);
    expect(rejected.body.data.rejectBooking).toMatchObject({ status: "REJECTED", statusReason: "当天另有安排" });
    expect(codeOf((await op("approveBooking", pending, admin)).body)).toBe("CONFLICT");
  });

  test("bumping needs a reason and offers the organization free rooms of the facility that day", async () => {
    const { roomIds, admin, organizationId, leader } = await venueWithOrganization("bump", { rooms: [{ capacity: 20 }, { capacity: 60 }, { capacity: 12 }] });
    const id = await booked(bookingIn(roomIds[2], organizationId, "2022-03-14", "09:00", "10:00", { expectedAttendance: 10, title: "骨干碰头会" }), leader);
    const bump = `mutation($id: ID!, $reason: String!) { bumpBooking(id: $id, reason: $reason) { booking { id status statusReason } alternatives { room { id } freeSlots { startsAt endsAt } } } }`;
    expect(codeOf((await signedRequest(subgraph.url, bump, { id, reason: "" }, admin)).body)).toBe("BAD_USER_INPUT");
    expect(codeOf((await signedRequest(subgraph.url, bump, { id, reason: "应急避险演练" }, leader)).body)).toBe("FORBIDDEN");
    const { body } = await signedRequest(subgraph.url, bump, { id, reason: "应急避险演练" }, admin);
    expect(body.data.bumpBooking.booking).toEqual({ id, status: "BUMPED", statusReason: "应急避险演练" });
    const alternatives = body.data.bumpBooking.alternatives;
    expect(alternatives.map((a: { room: { id: string } }) => a.room.id)).toEqual([roomIds[0], roomIds[1]]);
    expect(alternatives[0].freeSlots[0]).toEqual({ startsAt: iso("2022-03-14", "08:30"), endsAt: iso("2022-03-14", "12:00") });
  });
});

/** A social-work station's training room (`room_t_<key>_1`) that takes course sessions 60 days ahead, and the agency that runs the courses. */
async function trainingRoom(key: string) {
  const { facilityId, roomIds } = await addTestFacility(subgraph.db, key, {
    capacity: 40,
    exceptions: QINGMING_2022,
    policy: { purposeOverrides: [{ purpose: BookingPurpose.COURSE_SESSION, roomIds: [`room_t_${key}_1`], maxAdvanceDays: 60 }] },
  });
  const agency = await addTestOrganization(subgraph.db, `${key}_agency`, { legalForm: "SOCIAL_SERVICE_AGENCY" });
  return { facilityId, roomId: roomIds[0], agency };
}

describe("recurring series", () => {
  test("each occurrence is validated on its own: the 清明 Tuesday is a closed day, the others are booked", async () => {
    const { roomId, agency } = await trainingRoom("series");
    const series = `mutation($input: CreateBookingSeriesInput!) { createBookingSeries(input: $input) {
      seriesId booked occurrences { startsAt booking { id status seriesId } conflicts { reason message } }
    } }`;
    const input = { booking: bookingIn(roomId, agency, "2022-03-15", "09:00", "11:00", { purpose: "COURSE_SESSION", academyId: "acad_t_school", title: "志愿者管理", expectedAttendance: 30 }), count: 4, everyDays: 7 };
    const before = await subgraph.db.getRepository(Booking).count();
    const { body } = await signedRequest(subgraph.url, series, { input }, ACADEMY_STAFF);
    expect(body.errors).toBeUndefined();
    const result = body.data.createBookingSeries;
    expect(result.booked).toBe(3);
    expect(result.seriesId).toMatch(/^ser_/);
    expect(result.occurrences.map((o: { startsAt: string }) => o.startsAt)).toEqual(["2022-03-15", "2022-03-22", "2022-03-29", "2022-04-05"].map((d) => iso(d, "09:00")));
    expect(result.occurrences.slice(0, 3).every((o: { booking: { status: string; seriesId: string } }) => o.booking.status === "CONFIRMED" && o.booking.seriesId === result.seriesId)).toBe(true);
    expect(result.occurrences[3]).toMatchObject({ booking: null, conflicts: [{ reason: "CLOSED_DAY", message: expect.stringContaining("清明节") }] });
    expect(await subgraph.db.getRepository(Booking).count()).toBe(before + 3);

    const none = await signedRequest(subgraph.url, series, { input: { ...input, booking: { ...input.booking, purpose: "ACTIVITY", academyId: undefined } } }, ACADEMY_STAFF);
    expect(codeOf(none.body)).toBe("FORBIDDEN"); // academy staff book course sessions only
    const otherAcademy = await signedRequest(subgraph.url, series, { input: { ...input, booking: { ...input.booking, academyId: "acad_t_elsewhere" } } }, ACADEMY_STAFF);
    expect(codeOf(otherAcademy.body)).toBe("FORBIDDEN"); // …and only for their own academies (academyIds)
    const noAcademy = await signedRequest(subgraph.url, series, { input: { ...input, booking: { ...input.booking, academyId: undefined } } }, ACADEMY_STAFF);
    expect(codeOf(noAcademy.body)).toBe("FORBIDDEN");
    const tooMany = await signedRequest(subgraph.url, series, { input: { ...input, count: 40 } }, ACADEMY_STAFF);
    expect(codeOf(tooMany.body)).toBe("BAD_USER_INPUT");
  });
});

describe("the academy's scheduling saga (internal, signed service identity)", () => {
  const HOLD = `mutation($input: CreateBookingInput!, $minutes: Int) { holdBooking(input: $input, holdMinutes: $minutes) { booking { ${FIELDS} } conflicts { reason } } }`;
  let course: { facilityId: string; roomId: string; agency: string };
  beforeAll(async () => {
    course = await trainingRoom("saga");
  });
  const session = (day: string) => bookingIn(course.roomId, course.agency, day, "14:00", "16:00", { purpose: "COURSE_SESSION", academyId: "acad_t_school", title: "骨干培养与团队传承 第5讲", expectedAttendance: 28 });

  test("hold → confirm: the hold blocks the slot until it is confirmed", async () => {
    const { body } = await signedRequest(subgraph.url, HOLD, { input: session("2022-04-26") }, ACADEMY_SERVICE);
    expect(body.errors).toBeUndefined();
    const hold = body.data.holdBooking.booking;
    expect(hold).toMatchObject({ status: "HELD", holdExpiresAt: iso("2022-03-12", "09:30") });
    const rival = await signedRequest(subgraph.url, CREATE_BOOKING, { input: session("2022-04-26") }, ACADEMY_STAFF);
    expect(rival.body.data.createBooking.conflicts.map((c: { reason: string }) => c.reason)).toEqual(["OVERLAP"]);
    expect((await op("confirmBooking", hold.id, ACADEMY_SERVICE)).body.data.confirmBooking.status).toBe("CONFIRMED");
  });

  test("hold → release (compensation) frees the slot; releasing twice changes nothing", async () => {
    const hold = (await signedRequest(subgraph.url, HOLD, { input: session("2022-05-10") }, ACADEMY_SERVICE)).body.data.holdBooking.booking;
    const released = (await op("releaseBooking", hold.id, ACADEMY_SERVICE)).body.data.releaseBooking;
    expect(released).toMatchObject({ status: "CANCELLED", statusReason: "Released by the academy saga." });
    expect((await op("releaseBooking", hold.id, ACADEMY_SERVICE)).body.data.releaseBooking.status).toBe("CANCELLED");
    await booked(session("2022-05-10"), ACADEMY_STAFF);
  });

  test("a hold lapses after holdMinutes: EXPIRED, the slot is free, and it can no longer be confirmed", async () => {
    const hold = (await signedRequest(subgraph.url, HOLD, { input: session("2022-04-28"), minutes: 10 }, ACADEMY_SERVICE)).body.data.holdBooking.booking;
    pinClock(new Date("2022-03-12T09:10:00+08:00"));
    const { body } = await op("confirmBooking", hold.id, ACADEMY_SERVICE);
    expect(codeOf(body)).toBe("CONFLICT");
    expect(body.errors![0].extensions).toMatchObject({ state: "EXPIRED" });
    await booked(session("2022-04-28"), ACADEMY_STAFF);
  });

  test("people cannot call the saga steps, and a hold lasts at most 30 minutes", async () => {
    const lecture = await addTestBooking(subgraph.db, "saga_lecture", { roomId: course.roomId, organizationId: course.agency, day: "2022-03-22", from: "13:30", to: "16:30" }, { purpose: BookingPurpose.COURSE_SESSION, visibility: BookingVisibility.PUBLIC });
    expect(codeOf((await signedRequest(subgraph.url, HOLD, { input: session("2022-05-24") }, ACADEMY_STAFF)).body)).toBe("FORBIDDEN");
    expect(codeOf((await op("confirmBooking", lecture, venueAdminOf(course.facilityId))).body)).toBe("FORBIDDEN");
    expect(codeOf((await op("releaseBooking", lecture, leaderOf(course.agency))).body)).toBe("FORBIDDEN");
    expect(codeOf((await signedRequest(subgraph.url, HOLD, { input: session("2022-05-24"), minutes: 45 }, ACADEMY_SERVICE)).body)).toBe("BAD_USER_INPUT");
  });

  test("the saga steps are @inaccessible in the subgraph's SDL; the manual eligibility sync is gone (events feed C7)", () => {
    for (const field of ["holdBooking", "confirmBooking", "releaseBooking"]) {
      expect(subgraph.sdl).toMatch(new RegExp(`\\n  ${field}\\([^\\n]*\\): [^\\n]* @inaccessible\\n`));
    }
    expect(subgraph.sdl).not.toMatch(/createBooking\([^\n]*@inaccessible/);
    expect(subgraph.sdl).not.toContain("syncOrganizationEligibility");
  });
});

describe("the C7 snapshot follows the organizations subgraph's events", () => {
  test("once a preparing federation is ACTIVE it may book; people cannot deliver events; bad values are BAD_USER_INPUT", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "sync");
    const federation = await addTestOrganization(subgraph.db, "sync_fed", { legalForm: "SOCIAL_GROUP", status: "PREPARING" });
    const leader = leaderOf(federation);
    const input = bookingIn(roomIds[0], federation, "2022-03-15", "09:00", "10:00", { title: "联合会筹备会" });
    const before = await signedRequest(subgraph.url, CREATE_BOOKING, { input }, leader);
    expect(before.body.data.createBooking.conflicts.map((c: { reason: string }) => c.reason)).toEqual(["NOT_ELIGIBLE"]);
    const active = eligibilityEvent(federation, { legalForm: "SOCIAL_GROUP", status: "ACTIVE" });
    expect(codeOf((await signedRequest(subgraph.url, VENUES_RECEIVE_EVENT, active, leader)).body)).toBe("FORBIDDEN");
    expect(codeOf((await signedRequest(subgraph.url, VENUES_RECEIVE_EVENT, eligibilityEvent(federation, { legalForm: "CLUB" }), { service: "organizations" })).body)).toBe("BAD_USER_INPUT");
    const sync = await signedRequest(subgraph.url, VENUES_RECEIVE_EVENT, active, { service: "organizations" });
    expect(sync.body.data.venuesReceiveEvent).toBe(true);
    const after = await signedRequest(subgraph.url, CREATE_BOOKING, { input }, leader);
    expect(after.body.data.createBooking.booking.status).toBe("CONFIRMED");
  });
});
