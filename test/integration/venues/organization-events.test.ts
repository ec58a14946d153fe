import { In } from "typeorm";
import { pinClock } from "@kit/clock";
import { InboxEntry } from "@kit/events";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { Booking, BookingStatus, OrgEligibility } from "@subgraphs/venues/bookings";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { deregisteredEvent, eligibilityEvent, VENUES_RECEIVE_EVENT } from "@test/support/events";
import { addTestBooking, addTestFacility, addTestOrganization, at, bookingIn, codeOf, CREATE_BOOKING, DEMO_NOW, leaderOf, reasons, venueAdminOf } from "./fixtures";

// Issue 11, points 5 and 6, on the consumer's side: venues applies the organizations subgraph's events once each, as
// its relay delivers them (sent here by hand, signed as the organizations service; no relay runs in this test).
let subgraph: RunningSubgraph;

beforeAll(async () => {
  pinClock(DEMO_NOW);
  subgraph = await startTestSubgraph(venuesSubgraph);
});
afterAll(async () => {
  pinClock(null);
  await subgraph?.stop();
});

const ORGANIZATIONS = { service: "organizations" };
const deliver = (variables: Record<string, unknown>, claims: object = ORGANIZATIONS) => signedRequest(subgraph.url, VENUES_RECEIVE_EVENT, variables, claims).then((r) => r.body);
const snapshot = (organizationId: string) => subgraph.db.getRepository(OrgEligibility).findOneBy({ organizationId });
const inboxHas = (eventId: string) => subgraph.db.getRepository(InboxEntry).existsBy({ eventId });

describe("OrganizationEligibilityChanged keeps the C7 snapshot", () => {
  test("a newly filed organization unknown to venues gets a row and may book; a suspended one is NOT_ELIGIBLE", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "evt_new");
    const organizationId = "org_t_evt_new";
    const input = bookingIn(roomIds[0], organizationId, "2022-03-14", "09:00", "10:00");
    const before = await signedRequest(subgraph.url, CREATE_BOOKING, { input }, leaderOf(organizationId));
    expect(reasons(before.body.data.createBooking)).toEqual(["NOT_ELIGIBLE"]);

    expect((await deliver(eligibilityEvent(organizationId))).data.venuesReceiveEvent).toBe(true);
    expect(await snapshot(organizationId)).toMatchObject({ legalForm: "FILED", status: "ACTIVE" });
    const after = await signedRequest(subgraph.url, CREATE_BOOKING, { input }, leaderOf(organizationId));
    expect(after.body.data.createBooking.booking.status).toBe("CONFIRMED");

    await deliver(eligibilityEvent(organizationId, { status: "SUSPENDED" }));
    const suspended = await signedRequest(subgraph.url, CREATE_BOOKING, { input: { ...input, startsAt: "2022-03-14T14:00:00+08:00", endsAt: "2022-03-14T15:00:00+08:00" } }, leaderOf(organizationId));
    expect(reasons(suspended.body.data.createBooking)).toEqual(["NOT_ELIGIBLE"]);
    expect(suspended.body.data.createBooking.conflicts[0].message).toContain("SUSPENDED");
  });

  test("the same event twice is applied once: the second delivery is acknowledged (false) and changes nothing", async () => {
    const organizationId = await addTestOrganization(subgraph.db, "evt_twice");
    const suspend = eligibilityEvent(organizationId, { status: "SUSPENDED" });
    expect((await deliver(suspend)).data.venuesReceiveEvent).toBe(true);
    expect((await deliver(eligibilityEvent(organizationId, { status: "ACTIVE" }))).data.venuesReceiveEvent).toBe(true);
    // a late redelivery of the suspension (a relay that lost its acknowledgement) must not undo the reinstatement
    expect(await deliver(suspend)).toEqual({ data: { venuesReceiveEvent: false } });
    expect(await snapshot(organizationId)).toMatchObject({ status: "ACTIVE" });
    expect(await subgraph.db.getRepository(InboxEntry).countBy({ eventId: suspend.id })).toBe(1);
  });

  let malformed = 0;
  test.each([
    ["a missing field", { status: undefined }],
    ["a status the hub does not know", { status: "CLOSED" }],
    ["a field the contract does not have (no personal data slips in)", { leaderPhone: "139-0551-7788" }],
    ["an id that is not an organization's", { organizationId: "per_zhang_leader" }],
  ])("a malformed payload (%s) is BAD_USER_INPUT and applies nothing", async (_what, change) => {
    const organizationId = await addTestOrganization(subgraph.db, `evt_bad_${++malformed}`);
    const event = eligibilityEvent(organizationId, { status: "SUSPENDED", ...change });
    const body = await deliver(event);
    expect(codeOf(body)).toBe("BAD_USER_INPUT");
    expect(body.errors![0].extensions).toMatchObject({ argument: "payload" });
    expect(await snapshot(organizationId)).toMatchObject({ status: "ACTIVE" });
    expect(await inboxHas(event.id)).toBe(false);
  });

  test("an older state delivered late (a parked event retried) does not overwrite a newer one", async () => {
    const organizationId = await addTestOrganization(subgraph.db, "evt_late");
    const suspended = { ...eligibilityEvent(organizationId, { status: "SUSPENDED" }), occurredAt: "2022-03-12T10:00:00+08:00" };
    const reinstatedEarlier = { ...eligibilityEvent(organizationId, { status: "ACTIVE" }), occurredAt: "2022-03-12T09:30:00+08:00" };
    expect((await deliver(suspended)).data.venuesReceiveEvent).toBe(true);
    expect((await deliver(reinstatedEarlier)).data.venuesReceiveEvent).toBe(true); // applied: recorded, but stale
    expect(await snapshot(organizationId)).toMatchObject({ status: "SUSPENDED", asOf: new Date("2022-03-12T10:00:00+08:00") });
    const later = { ...eligibilityEvent(organizationId, { status: "ACTIVE" }), occurredAt: "2022-03-12T11:00:00+08:00" };
    await deliver(later);
    expect(await snapshot(organizationId)).toMatchObject({ status: "ACTIVE", asOf: new Date("2022-03-12T11:00:00+08:00") });
  });

  test("a payload that is not JSON, or an event of an unknown version, is BAD_USER_INPUT too", async () => {
    const organizationId = await addTestOrganization(subgraph.db, "evt_notjson");
    expect(codeOf(await deliver({ ...eligibilityEvent(organizationId), payload: "{status: SUSPENDED" }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await deliver({ ...eligibilityEvent(organizationId), version: 2 }))).toBe("BAD_USER_INPUT");
    expect(await snapshot(organizationId)).toMatchObject({ status: "ACTIVE" });
  });

  test("only the organizations service may deliver them: a person or another service is refused", async () => {
    const organizationId = await addTestOrganization(subgraph.db, "evt_who");
    expect(codeOf(await deliver(eligibilityEvent(organizationId, { status: "SUSPENDED" }), leaderOf(organizationId)))).toBe("FORBIDDEN");
    expect(codeOf(await deliver(eligibilityEvent(organizationId, { status: "SUSPENDED" }), { service: "academy" }))).toBe("FORBIDDEN");
    expect(await snapshot(organizationId)).toMatchObject({ status: "ACTIVE" });
  });
});

describe("OrganizationDeregistered cancels the organization's future bookings (DOMAIN §8.1)", () => {
  test("future blocking bookings become CANCELLED with the reason; past, finished, lapsed and other organizations' bookings stay", async () => {
    const { facilityId, roomIds } = await addTestFacility(subgraph.db, "evt_dereg", { rooms: 2 });
    const organizationId = await addTestOrganization(subgraph.db, "evt_dereg");
    const other = await addTestOrganization(subgraph.db, "evt_dereg_other");
    const where = (day: string, from: string, to: string, room = roomIds[0], org = organizationId) => ({ roomId: room, organizationId: org, day, from, to });
    const future = {
      confirmed: await addTestBooking(subgraph.db, "dereg_confirmed", where("2022-03-15", "09:00", "10:00")),
      pending: await addTestBooking(subgraph.db, "dereg_pending", where("2022-03-15", "10:00", "11:00"), { status: BookingStatus.PENDING_APPROVAL }),
      held: await addTestBooking(subgraph.db, "dereg_held", where("2022-03-16", "09:00", "10:00"), { status: BookingStatus.HELD, holdExpiresAt: at("2022-03-12", "09:20") }),
      series: await addTestBooking(subgraph.db, "dereg_series", where("2022-03-22", "09:00", "10:00", roomIds[1]), { seriesId: "ser_t_dereg" }),
    };
    const untouched = {
      past: await addTestBooking(subgraph.db, "dereg_past", where("2022-03-08", "09:00", "10:00"), { status: BookingStatus.COMPLETED }),
      earlierToday: await addTestBooking(subgraph.db, "dereg_today", where("2022-03-12", "08:00", "09:30"), { status: BookingStatus.CHECKED_IN }),
      lapsedHold: await addTestBooking(subgraph.db, "dereg_lapsed", where("2022-03-17", "09:00", "10:00"), { status: BookingStatus.HELD, holdExpiresAt: at("2022-03-12", "08:00") }),
      cancelledBefore: await addTestBooking(subgraph.db, "dereg_cancelled", where("2022-03-18", "09:00", "10:00"), { status: BookingStatus.CANCELLED, statusReason: "活动改期" }),
      otherOrganization: await addTestBooking(subgraph.db, "dereg_other", where("2022-03-15", "14:00", "15:00", roomIds[0], other)),
    };
    const before = await subgraph.db.getRepository(Booking).findBy({ id: In(Object.values(untouched)) });

    const event = deregisteredEvent(organizationId, "2022-03-12");
    expect((await deliver(event)).data.venuesReceiveEvent).toBe(true);

    const reason = "Cancelled: the organization was deregistered on 2022-03-12 (注销).";
    for (const id of Object.values(future)) {
      expect(await subgraph.db.getRepository(Booking).findOneByOrFail({ id })).toMatchObject({ status: BookingStatus.CANCELLED, statusReason: reason, lateCancellation: false });
    }
    expect(await subgraph.db.getRepository(Booking).findBy({ id: In(Object.values(untouched)) })).toEqual(before);

    // the venue admin sees it on the day board, with the reason; a redelivery changes nothing
    const board = await signedRequest(
      subgraph.url,
      `query($facilityId: ID!, $date: Date!) { roomDayBoard(facilityId: $facilityId, date: $date) { room { id } bookings { id status statusReason } } }`,
      { facilityId, date: "2022-03-15" },
      venueAdminOf(facilityId),
    );
    expect(board.body.errors).toBeUndefined();
    expect(board.body.data.roomDayBoard[0].bookings).toEqual(
      expect.arrayContaining([
        { id: future.confirmed, status: "CANCELLED", statusReason: reason },
        { id: future.pending, status: "CANCELLED", statusReason: reason },
        { id: untouched.otherOrganization, status: "CONFIRMED", statusReason: null },
      ]),
    );
    expect((await deliver(event)).data.venuesReceiveEvent).toBe(false);
    // the freed slot can be booked by another organization
    const rebook = await signedRequest(subgraph.url, CREATE_BOOKING, { input: bookingIn(roomIds[0], other, "2022-03-15", "09:00", "10:00") }, leaderOf(other));
    expect(rebook.body.data.createBooking.conflicts).toEqual([]);
  });

  test("a malformed date is BAD_USER_INPUT and cancels nothing", async () => {
    const { roomIds } = await addTestFacility(subgraph.db, "evt_dereg_bad");
    const organizationId = await addTestOrganization(subgraph.db, "evt_dereg_bad");
    const id = await addTestBooking(subgraph.db, "dereg_bad", { roomId: roomIds[0], organizationId, day: "2022-03-15", from: "09:00", to: "10:00" });
    expect(codeOf(await deliver(deregisteredEvent(organizationId, "2022/03/12")))).toBe("BAD_USER_INPUT");
    expect((await subgraph.db.getRepository(Booking).findOneByOrFail({ id })).status).toBe(BookingStatus.CONFIRMED);
  });
});
