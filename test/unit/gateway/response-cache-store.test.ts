import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { redisStore } from "@gateway/response-cache/redis-store";
import { memoryStore, ResponseStore } from "@gateway/response-cache/store";

// Both response-cache stores against the same rules: tags clear what carries them, an answer begun before its tag was
// cleared is refused, entries expire after the TTL. Redis is the machine's, under a prefix of this run.
const REDIS_URL = "redis://127.0.0.1:6379";
const prefix = `test:rcs:${randomUUID()}:`;

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe.each([
  ["memory", (ttlMs: number) => memoryStore(ttlMs, 100)],
  ["redis", (ttlMs: number) => redisStore(REDIS_URL, `${prefix}${randomUUID()}:`, ttlMs)],
] as const)("%s store", (_name, make) => {
  let store: ResponseStore;
  afterEach(() => store?.close());

  test("a clearing drops the answers that carry one of its tags, and only those", async () => {
    store = make(60_000);
    const since = Date.now();
    expect(await store.set("a", "A", ["room:1:2022-03-15", "facility:f:2022-03-15"], since)).toBe(true);
    expect(await store.set("b", "B", ["room:2:2022-03-15"], since)).toBe(true);
    expect(await store.get("a")).toBe("A");
    expect(await store.invalidate(["room:1:2022-03-15"])).toBe(1);
    expect(await store.get("a")).toBeUndefined();
    expect(await store.get("b")).toBe("B");
  });

  test("an answer begun before one of its tags was cleared is not stored; one begun after is", async () => {
    store = make(60_000);
    const before = Date.now() - 5;
    await store.invalidate(["org:org_x"]);
    expect(await store.set("c", "C", ["org:org_x"], before)).toBe(false);
    expect(await store.get("c")).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.set("c", "C", ["org:org_x"], Date.now())).toBe(true);
    expect(await store.get("c")).toBe("C");
  });

  test("entries expire after the TTL", async () => {
    store = make(150);
    expect(await store.set("d", "D", [], Date.now())).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await store.get("d")).toBeUndefined();
  });
});

test("memory keeps at most its bound, dropping the least recently used", async () => {
  const store = memoryStore(60_000, 2);
  const since = Date.now();
  await store.set("a", "A", ["t"], since);
  await store.set("b", "B", ["t"], since);
  await store.get("a");
  await store.set("c", "C", ["t"], since);
  expect([await store.get("a"), await store.get("b"), await store.get("c")]).toEqual(["A", undefined, "C"]);
  expect(await store.invalidate(["t"])).toBe(2);
});
