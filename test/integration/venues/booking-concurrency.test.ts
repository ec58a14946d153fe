import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph, testStoreKind } from "@kit/testing";
import { Booking, BLOCKING_STATUSES } from "@subgraphs/venues/bookings";
import { EquipmentType } from "@subgraphs/venues/facilities";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { addTestFacility, addTestOrganization, at, bookingIn, CREATE_BOOKING, DEMO_NOW, iso, leaderOf, memberOf } from "./fixtures";

// C1 under concurrency (DOMAIN §5): the room row is locked for the check-and-insert (MySQL FOR UPDATE;
// SQLite's single writer), so overlapping blocking bookings of one room never both exist.
let subgraph: RunningSubgraph;
// three organizations of the test's own race for the rooms, each through one of its people
let ORGS: string[];
let CALLERS: Partial<Claims>[];

beforeAll(async () => {
  pinClock(DEMO_NOW);
  subgraph = await startTestSubgraph(venuesSubgraph);
  ORGS = [await addTestOrganization(subgraph.db, "racer_a"), await addTestOrganization(subgraph.db, "racer_b"), await addTestOrganization(subgraph.db, "racer_c")];
  CALLERS = [leaderOf(ORGS[0]), leaderOf(ORGS[1]), memberOf(ORGS[2])];
});
afterAll(async () => {
  pinClock(null);
  await subgraph?.stop();
});

type Payload = { booking: { id: string; status: string } | null; conflicts: { reason: string; startsAt: string }[] };

async function fire(inputs: Record<string, unknown>[], claims: (i: number) => object): Promise<Payload[]> {
  const responses = await Promise.all(inputs.map((input, i) => signedRequest(subgraph.url, CREATE_BOOKING, { input }, claims(i))));
  for (const { body } of responses) expect(body.errors).toBeUndefined();
  return responses.map(({ body }) => body.data.createBooking as Payload);
}

test(`30 concurrent requests for one slot (${testStoreKind()}): exactly one is confirmed, 29 get OVERLAP, nothing else is written`, async () => {
  const { roomIds } = await addTestFacility(subgraph.db, "slot", { capacity: 60, equipment: [{ type: EquipmentType.SOUND_SYSTEM, quantity: 1, movable: false, room: 1 }] });
  const before = await subgraph.db.getRepository(Booking).count();
  const payloads = await fire(
    Array.from({ length: 30 }, (_, i) =>
      bookingIn(roomIds[0], ORGS[i % 3], "2022-03-15", "09:00", "11:00", { title: `并发预约${i}`, expectedAttendance: 45, equipment: [{ type: "SOUND_SYSTEM", quantity: 1 }] }),
    ),
    (i) => CALLERS[i % 3],
  );
  const booked = payloads.filter((p) => p.booking);
  expect(booked).toHaveLength(1);
  expect(booked[0].booking!.status).toBe("CONFIRMED");
  const refused = payloads.filter((p) => !p.booking);
  expect(refused).toHaveLength(29);
  for (const p of refused) expect(p.conflicts).toEqual([expect.objectContaining({ reason: "OVERLAP", startsAt: iso("2022-03-15", "09:00") })]);
  expect(await subgraph.db.getRepository(Booking).count()).toBe(before + 1);
  const inHall = await subgraph.db.getRepository(Booking).findBy({ roomId: roomIds[0], startsAt: at("2022-03-15", "09:00") });
  expect(inHall.filter((b) => BLOCKING_STATUSES.includes(b.status)).map((b) => b.id)).toEqual([booked[0].booking!.id]);
});

test("30 concurrent requests for staggered, overlapping slots leave no two blocking bookings of the room within the turnaround", async () => {
  const { roomIds } = await addTestFacility(subgraph.db, "race", { policy: { perOrgMaxActiveBookings: null, perOrgMonthlyMinutesCap: null } });
  const starts = ["13:30", "14:00", "14:30", "15:00", "15:30", "16:00"];
  const ends = ["14:30", "15:00", "15:30", "16:00", "16:30", "17:00"];
  const inputs = Array.from({ length: 30 }, (_, i) => bookingIn(roomIds[0], ORGS[i % 3], "2022-03-14", starts[i % 6], ends[i % 6]));
  const payloads = await fire(inputs, (i) => CALLERS[i % 3]);
  const rows = (await subgraph.db.getRepository(Booking).findBy({ roomId: roomIds[0] })).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  expect(rows).toHaveLength(payloads.filter((p) => p.booking).length);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  for (let k = 1; k < rows.length; k += 1) expect(rows[k].startsAt.getTime() - rows[k - 1].endsAt.getTime()).toBeGreaterThanOrEqual(15 * 60_000);
  for (const p of payloads.filter((x) => !x.booking)) expect(p.conflicts.map((c) => c.reason)).toEqual(p.conflicts.map(() => "OVERLAP"));
});

test("10 concurrent requests in ten rooms for 30 of 40 movable chairs: exactly one gets them (C6 locks the facility)", async () => {
  const { roomIds } = await addTestFacility(subgraph.db, "chairrace", { rooms: 10, equipment: [{ type: EquipmentType.CHAIRS, quantity: 40 }] });
  const payloads = await fire(
    roomIds.map((roomId, i) => bookingIn(roomId, ORGS[i % 3], "2022-03-14", "09:00", "10:00", { equipment: [{ type: "CHAIRS", quantity: 30 }] })),
    (i) => CALLERS[i % 3],
  );
  expect(payloads.filter((p) => p.booking)).toHaveLength(1);
  for (const p of payloads.filter((x) => !x.booking)) expect(p.conflicts.map((c) => c.reason)).toEqual(["EQUIPMENT_UNAVAILABLE"]);
});
