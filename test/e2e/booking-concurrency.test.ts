import { pinClock } from "@kit/clock";
import { testStoreKind } from "@kit/testing";
import { Booking } from "@subgraphs/venues/bookings/booking.entity";
import { startTestHub, TestHub } from "../support/hub";

// Issue 4: never a double booking, whatever the concurrency, through the gateway (DOMAIN §5 C1).
let hub: TestHub;
let tokens: string[];

beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00")); // the demo's today (DOMAIN §10)
  hub = await startTestHub();
  tokens = await Promise.all([
    hub.token({ sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] }),
    hub.token({ sub: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] }),
    hub.token({ sub: "per_wu_supervisor", roles: ["ORG_MEMBER"], orgIds: ["org_ailin"] }),
  ]);
});
afterAll(async () => {
  pinClock(null);
  await hub?.stop();
});

const ORGS = ["org_lezhulin", "org_jiaqiao", "org_ailin"];
const BOOK = `mutation($input: CreateBookingInput!) {
  createBooking(input: $input) { booking { id status organization { name } } conflicts { reason startsAt endsAt } }
}`;

test(`30 concurrent bookings of one room and slot through the gateway (${testStoreKind()}): one confirmed, 29 conflicts, nothing else written`, async () => {
  const bookings = hub.subgraphs.venues.db.getRepository(Booking);
  const before = await bookings.count();
  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      hub.query(
        BOOK,
        {
          input: {
            roomId: "room_zx_hall",
            organizationId: ORGS[i % 3],
            purpose: "ACTIVITY",
            title: `并发预约${i}`,
            expectedAttendance: 45,
            startsAt: "2022-03-15T09:00:00+08:00",
            endsAt: "2022-03-15T11:00:00+08:00",
            equipment: [{ type: "SOUND_SYSTEM", quantity: 1 }],
          },
        },
        tokens[i % 3],
      ),
    ),
  );
  for (const { status, body } of responses) {
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  }
  const payloads = responses.map(({ body }) => body.data.createBooking);
  const confirmed = payloads.filter((p) => p.booking);
  expect(confirmed).toHaveLength(1);
  expect(confirmed[0].booking.status).toBe("CONFIRMED");
  expect(["乐竹邻志愿服务队", "加侨飞扬志愿服务队", "合肥爱邻社会工作服务社"]).toContain(confirmed[0].booking.organization.name);
  const refused = payloads.filter((p) => !p.booking);
  expect(refused).toHaveLength(29);
  for (const p of refused) {
    expect(p.conflicts).toEqual([{ reason: "OVERLAP", startsAt: "2022-03-15T09:00:00.000+08:00", endsAt: "2022-03-15T11:00:00.000+08:00" }]);
  }
  expect(await bookings.count()).toBe(before + 1);
  expect((await bookings.findOneByOrFail({ id: confirmed[0].booking.id })).roomId).toBe("room_zx_hall");
});
