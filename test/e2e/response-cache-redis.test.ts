import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { pinClock } from "@kit/clock";
import { Listening } from "@platform/http";
import { eventually } from "../support/eventually";
import { startTestGateway, startTestHub, TestHub } from "../support/hub";
import { ask, BIRTHDAY, DAY, DAY_BOARD, DIRECTORY_VARIABLES, hallBusy, M2, PUBLIC_DIRECTORY, REDIS_URL } from "../support/response-cache";

// Issue 12, point 5 with REDIS_URL: the response cache shared by two gateway replicas over the same subgraphs; the
// relays deliver the events to one of them and the clearing reaches both. Keys under a prefix of this run, removed after.

beforeAll(() => pinClock(new Date("2022-03-12T09:00:00+08:00"))); // the demo's today (DOMAIN §10)
afterAll(() => pinClock(null));

describe("in Redis, shared by two gateways", () => {
  const keyPrefix = `test:rc:${randomUUID()}:`;
  let hub: TestHub;
  let second: Listening;
  let leader: string;

  beforeAll(async () => {
    const responseCache = { ttlSeconds: 300, maxEntries: 1000, keyPrefix };
    hub = await startTestHub({ gateway: { responseCache, redisUrl: REDIS_URL } });
    second = await startTestGateway(Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url])), { responseCache, redisUrl: REDIS_URL });
    leader = await hub.token({ sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
  });
  afterAll(async () => {
    await second?.stop();
    await hub?.stop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  test("one gateway's answer is the other's hit; a booking clears it for both", async () => {
    const here = { facilityId: "fac_zx_center", date: DAY };
    const first = await ask(hub.gateway.url, DAY_BOARD, here);
    expect(first.cache).toBe("miss");
    const shared = await ask(second.url, DAY_BOARD, here);
    expect(shared.cache).toBe("hit");
    expect(shared.text).toBe(first.text);
    expect((await ask(second.url, PUBLIC_DIRECTORY, DIRECTORY_VARIABLES)).cache).toBe("miss");
    expect((await ask(hub.gateway.url, PUBLIC_DIRECTORY, DIRECTORY_VARIABLES)).cache).toBe("hit");

    const booked = await hub.query(M2, { input: BIRTHDAY }, leader);
    expect(booked.body.data.createBooking.conflicts).toEqual([]);
    // the relay delivers to the first gateway; the second sees the clearing through Redis
    const after = await eventually(async () => {
      const answer = await ask(second.url, DAY_BOARD, here);
      expect(answer.cache).toBe("miss");
      return answer;
    });
    expect(hallBusy(after)).toBe(true);
    expect((await ask(hub.gateway.url, DAY_BOARD, here)).cache).toBe("hit");
    expect((await ask(hub.gateway.url, PUBLIC_DIRECTORY, DIRECTORY_VARIABLES)).cache).toBe("hit");
  });
});
