import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { Booking } from "@subgraphs/venues/bookings/booking.entity";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import {
  ACADEMY_SERVICE,
  ACADEMY_STAFF,
  addTestFacility,
  bookingIn,
  codeOf,
  CREATE_BOOKING,
  DEMO_NOW,
  iso,
  JIAQIAO_LEADER,
  LEZHULIN_LEADER,
  SLY_VENUE_ADMIN,
  ZX_VENUE_ADMIN,
} from "./fixtures";

// The booking lifecycle of DOMAIN §8.3, who may move it (§9.2), recurring series and the academy's saga steps.
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

const FIELDS = "id status statusReason title holdExpiresAt";
const mutate = (name: string, args: string, claims: object, variables: Record<string, unknown>) =>
  signedRequest(subgraph.url, `mutation($id: ID!${"reason" in variables ? ", $reason: String!" : ""}) { ${name}(${args}) { ${FIELDS} } }`, variables, claims);
const cancel = (id: string, claims: object, reason = "活动改期") => mutate("cancelBooking", "id: $id, reason: $reason", claims, { id, reason });
const op = (name: "checkInBooking" | "approveBooking" | "recordNoShow" | "confirmBooking" | "releaseBooking", id: string, claims: object) => mutate(name, "id: $id", claims, { id });
const withReason = (name: "rejectBooking", id: string, reason: string, claims: object) => mutate(name, "id: $id, reason: $reason", claims, { id, reason });

async function booked(input: Record<string, unknown>, claims: object = LEZHULIN_LEADER): Promise<string> {
  const { body } = await signedRequest(subgraph.url, CREATE_BOOKING, { input }, claims);
  expect(body.data.createBooking.conflicts).toEqual([]);
  return body.data.createBooking.booking.id;
}

describe("organizations cancel their own bookings", () => {
  test("the leader cancels with a reason; another organization may not; a cancelled booking cannot be cancelled again", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "cancel");
    const id = await booked(bookingIn(roomIds[0], "2022-03-15", "09:00", "10:00"));
    expect(codeOf((await cancel(id, JIAQIAO_LEADER)).body)).toBe("FORBIDDEN");
    const { body } = await cancel(id, LEZHULIN_LEADER);
    expect(body.data.cancelBooking).toMatchObject({ id, status: "CANCELLED", statusReason: "活动改期" });
    expect((await subgraph.db.getRepository(Booking).findOneByOrFail({ id })).lateCancellation).toBe(false);
    const again = await cancel(id, LEZHULIN_LEADER);
    expect(codeOf(again.body)).toBe("CONFLICT");
    expect(again.body.errors![0].extensions).toMatchObject({ state: "CANCELLED", allowed: [] });
    // the slot is free again
    await booked(bookingIn(roomIds[0], "2022-03-15", "09:00", "10:00"));
  });

  test("a cancellation within the 24 h cutoff is flagged late (it keeps counting against the quota)", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "late");
    const id = await booked(bookingIn(roomIds[0], "2022-03-14", "14:00", "15:00"));
    pinClock(new Date("2022-03-14T08:00:00+08:00"));
    expect((await cancel(id, LEZHULIN_LEADER)).body.data.cancelBooking.status).toBe("CANCELLED");
    expect((await subgraph.db.getRepository(Booking).findOneByOrFail({ id })).lateCancellation).toBe(true);
  });

  test("bad ids and a missing reason are BAD_USER_INPUT; an unknown booking is NOT_FOUND; the public view is UNAUTHENTICATED", async () => {
    expect(codeOf((await cancel("bkg nope", LEZHULIN_LEADER)).body)).toBe("BAD_USER_INPUT");
    expect(codeOf((await cancel("room_zx_hall", LEZHULIN_LEADER)).body)).toBe("BAD_USER_INPUT");
    expect(codeOf((await cancel("bkg_jq_202203_meeting", JIAQIAO_LEADER, " ")).body)).toBe("BAD_USER_INPUT");
    expect(codeOf((await cancel("bkg_nope", LEZHULIN_LEADER)).body)).toBe("NOT_FOUND");
    expect(codeOf((await cancel("bkg_jq_202203_meeting", {})).body)).toBe("UNAUTHENTICATED");
  });
});

describe("venue admins run their day", () => {
  test("check-in opens 30 min before the start, only for the facility's admin; at the end it is COMPLETED", async () => {
    expect(codeOf((await op("checkInBooking", "bkg_zx_0315_handcraft", ZX_VENUE_ADMIN)).body)).toBe("CONFLICT");
    pinClock(new Date("2022-03-15T08:35:00+08:00"));
    expect(codeOf((await op("checkInBooking", "bkg_zx_0315_handcraft", LEZHULIN_LEADER)).body)).toBe("FORBIDDEN");
    expect(codeOf((await op("checkInBooking", "bkg_zx_0315_handcraft", SLY_VENUE_ADMIN)).body)).toBe("FORBIDDEN");
    expect((await op("checkInBooking", "bkg_zx_0315_handcraft", ZX_VENUE_ADMIN)).body.data.checkInBooking.status).toBe("CHECKED_IN");
    pinClock(new Date("2022-03-15T11:00:00+08:00"));
    const { body } = await signedRequest(subgraph.url, `{ _entities(representations: [{ __typename: "Booking", id: "bkg_zx_0315_handcraft" }]) { ... on Booking { status } } }`);
    expect(body.data._entities).toEqual([{ status: "COMPLETED" }]);
  });

  test("a no-show is recorded from 30 min after the start", async () => {
    pinClock(new Date("2022-03-15T10:20:00+08:00"));
    expect(codeOf((await op("recordNoShow", "bkg_zx_0315_supervision", ZX_VENUE_ADMIN)).body)).toBe("CONFLICT");
    pinClock(new Date("2022-03-15T10:30:00+08:00"));
    expect((await op("recordNoShow", "bkg_zx_0315_supervision", ZX_VENUE_ADMIN)).body.data.recordNoShow.status).toBe("NO_SHOW");
  });

  test("the admin approves or rejects bookings pending approval; nobody else may", async () => {
    expect(codeOf((await op("approveBooking", "bkg_zx_0315_lecture", LEZHULIN_LEADER)).body)).toBe("FORBIDDEN");
    expect((await op("approveBooking", "bkg_zx_0315_lecture", ZX_VENUE_ADMIN)).body.data.approveBooking.status).toBe("CONFIRMED");
    const pending = await booked(bookingIn("room_zx_hall", "2022-03-14", "14:00", "16:00", { expectedAttendance: 58, title: "议事大会" }));
    const rejected = await withReason("rejectBooking", pending, "当天另有安排", ZX_VENUE_ADMIN);
    expect(rejected.body.data.rejectBooking).toMatchObject({ status: "REJECTED", statusReason: "当天另有安排" });
    expect(codeOf((await op("approveBooking", pending, ZX_VENUE_ADMIN)).body)).toBe("CONFLICT");
  });

  test("bumping needs a reason and offers the organization free rooms of the facility that day", async () => {
    const id = await booked(bookingIn("room_zx_meeting", "2022-03-14", "09:00", "10:00", { expectedAttendance: 10, title: "骨干碰头会" }));
    const bump = `mutation($id: ID!, $reason: String!) { bumpBooking(id: $id, reason: $reason) { booking { id status statusReason } alternatives { room { id } freeSlots { startsAt endsAt } } } }`;
    expect(codeOf((await signedRequest(subgraph.url, bump, { id, reason: "" }, ZX_VENUE_ADMIN)).body)).toBe("BAD_USER_INPUT");
    expect(codeOf((await signedRequest(subgraph.url, bump, { id, reason: "应急避险演练" }, LEZHULIN_LEADER)).body)).toBe("FORBIDDEN");
    const { body } = await signedRequest(subgraph.url, bump, { id, reason: "应急避险演练" }, ZX_VENUE_ADMIN);
    expect(body.data.bumpBooking.booking).toEqual({ id, status: "BUMPED", statusReason: "应急避险演练" });
    const alternatives = body.data.bumpBooking.alternatives;
    expect(alternatives.map((a: { room: { id: string } }) => a.room.id)).toEqual(["room_zx_a", "room_zx_hall"]);
    expect(alternatives[0].freeSlots[0]).toEqual({ startsAt: iso("2022-03-14", "08:30"), endsAt: iso("2022-03-14", "12:00") });
  });
});

describe("recurring series", () => {
  test("each occurrence is validated on its own: the 清明 Tuesday is a closed day, the others are booked", async () => {
    const series = `mutation($input: CreateBookingSeriesInput!) { createBookingSeries(input: $input) {
      seriesId booked occurrences { startsAt booking { id status seriesId } conflicts { reason message } }
    } }`;
    const input = { booking: bookingIn("room_cq_sws_training", "2022-03-15", "09:00", "11:00", { organizationId: "org_ailin", purpose: "COURSE_SESSION", title: "志愿者管理", expectedAttendance: 30 }), count: 4, everyDays: 7 };
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

    const none = await signedRequest(subgraph.url, series, { input: { ...input, booking: { ...input.booking, purpose: "ACTIVITY" } } }, ACADEMY_STAFF);
    expect(codeOf(none.body)).toBe("FORBIDDEN"); // academy staff book course sessions only
    const tooMany = await signedRequest(subgraph.url, series, { input: { ...input, count: 40 } }, ACADEMY_STAFF);
    expect(codeOf(tooMany.body)).toBe("BAD_USER_INPUT");
  });
});

describe("the academy's scheduling saga (internal, signed service identity)", () => {
  const HOLD = `mutation($input: CreateBookingInput!, $minutes: Int) { holdBooking(input: $input, holdMinutes: $minutes) { booking { ${FIELDS} } conflicts { reason } } }`;
  const session = (day: string) => bookingIn("room_cq_sws_training", day, "14:00", "16:00", { organizationId: "org_ailin", purpose: "COURSE_SESSION", title: "骨干培养与团队传承 第5讲", expectedAttendance: 28 });

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
    expect(codeOf((await signedRequest(subgraph.url, HOLD, { input: session("2022-05-24") }, ACADEMY_STAFF)).body)).toBe("FORBIDDEN");
    expect(codeOf((await op("confirmBooking", "bkg_bs2022s1_1", ZX_VENUE_ADMIN)).body)).toBe("FORBIDDEN");
    expect(codeOf((await op("releaseBooking", "bkg_bs2022s1_1", LEZHULIN_LEADER)).body)).toBe("FORBIDDEN");
    expect(codeOf((await signedRequest(subgraph.url, HOLD, { input: session("2022-05-24"), minutes: 45 }, ACADEMY_SERVICE)).body)).toBe("BAD_USER_INPUT");
  });

  test("the saga steps and the eligibility sync are @inaccessible in the subgraph's SDL", () => {
    for (const field of ["holdBooking", "confirmBooking", "releaseBooking", "syncOrganizationEligibility"]) {
      expect(subgraph.sdl).toMatch(new RegExp(`\\n  ${field}\\([^\\n]*\\): [^\\n]* @inaccessible\\n`));
    }
    expect(subgraph.sdl).not.toMatch(/createBooking\([^\n]*@inaccessible/);
  });
});

describe("the C7 snapshot is kept by the organizations subgraph", () => {
  const SYNC = `mutation($id: ID!, $form: String!, $status: String!) { syncOrganizationEligibility(organizationId: $id, legalForm: $form, status: $status) }`;
  const FED_LEADER: Partial<Claims> = { personId: "per_fed", roles: ["ORG_LEADER"], orgIds: ["org_sjk_fed"] };

  test("once 蜀山经开区's federation is ACTIVE it may book; people cannot push the snapshot; bad values are BAD_USER_INPUT", async () => {
    const input = bookingIn("room_sjk_meeting", "2022-03-15", "09:00", "10:00", { organizationId: "org_sjk_fed", title: "联合会筹备会" });
    const before = await signedRequest(subgraph.url, CREATE_BOOKING, { input }, FED_LEADER);
    expect(before.body.data.createBooking.conflicts.map((c: { reason: string }) => c.reason)).toEqual(["NOT_ELIGIBLE"]);
    expect(codeOf((await signedRequest(subgraph.url, SYNC, { id: "org_sjk_fed", form: "SOCIAL_GROUP", status: "ACTIVE" }, FED_LEADER)).body)).toBe("FORBIDDEN");
    expect(codeOf((await signedRequest(subgraph.url, SYNC, { id: "org_sjk_fed", form: "CLUB", status: "ACTIVE" }, { service: "organizations" })).body)).toBe("BAD_USER_INPUT");
    const sync = await signedRequest(subgraph.url, SYNC, { id: "org_sjk_fed", form: "SOCIAL_GROUP", status: "ACTIVE" }, { service: "organizations" });
    expect(sync.body.data.syncOrganizationEligibility).toBe(true);
    const after = await signedRequest(subgraph.url, CREATE_BOOKING, { input }, FED_LEADER);
    expect(after.body.data.createBooking.booking.status).toBe("CONFIRMED");
  });
});
