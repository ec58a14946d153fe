import { loadGatewayConfig } from "@gateway/config";
import { loadSubgraphConfig } from "@kit/config";
import { testGatewayKeyEnv, testSubgraphKeyEnv } from "@kit/testing";

// HUB_WORKERS > 1 (platform/cluster.ts) is refused where each worker would hold, alone, state that must be one:
// the replay check's nonces, SQLite's one writer, the rate-limit counters, the response cache.

const MYSQL = { DATABASE_URL: "mysql://root@127.0.0.1:3306" };
const REDIS = { REDIS_URL: "redis://127.0.0.1:6379" };
const subgraph = (env: Record<string, string>) => loadSubgraphConfig({ ...testSubgraphKeyEnv(), ...env }, "venues", 4003);
const gateway = (env: Record<string, string>) => loadGatewayConfig({ ...testGatewayKeyEnv(), HUB_JWT_SECRET: "s".repeat(32), ...env });

test("HUB_WORKERS is a whole number from 1 to 64, 1 by default: the process serves alone", () => {
  expect(subgraph({}).workers).toBe(1);
  expect(gateway({}).workers).toBe(1);
  for (const bad of ["0", "65", "1.5", "auto"]) {
    expect(() => subgraph({ ...MYSQL, ...REDIS, HUB_WORKERS: bad })).toThrow(/HUB_WORKERS: a whole number of worker processes from 1 to 64, e.g. 2/);
    expect(() => gateway({ HUB_WORKERS: bad })).toThrow(/HUB_WORKERS: a whole number of worker processes from 1 to 64, e.g. 2/);
  }
});

test("a subgraph's workers need MySQL and a shared nonce store; both refusals are named at once", () => {
  expect(subgraph({ ...MYSQL, ...REDIS, HUB_WORKERS: "4" }).workers).toBe(4);
  let message = "";
  try {
    subgraph({ HUB_WORKERS: "2" });
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(/HUB_WORKERS: more than 1 needs DATABASE_URL \(MySQL\): SQLite has one writer/);
  expect(message).toMatch(/HUB_WORKERS: more than 1 needs REDIS_URL: .* a signed request replayed to another worker would run again/);
  expect(() => subgraph({ ...MYSQL, HUB_WORKERS: "2" })).toThrow(/needs REDIS_URL/);
  expect(() => subgraph({ ...REDIS, HUB_WORKERS: "2" })).toThrow(/needs DATABASE_URL/);
});

test("the gateway's workers need REDIS_URL while rate limits or the response cache are on", () => {
  const refusal = /HUB_WORKERS: more than 1 with rate limits on needs REDIS_URL: each worker would count in its own memory/;
  const cacheRefusal = /HUB_WORKERS: more than 1 with the response cache on needs REDIS_URL: an event clearing a cached answer reaches one worker/;
  const noCache = { HUB_RESPONSE_CACHE: "off" };
  expect(() => gateway({ NODE_ENV: "production", HUB_WORKERS: "2", ...noCache })).toThrow(refusal);
  expect(() => gateway({ HUB_RATE_LIMIT: "on", HUB_WORKERS: "2", ...noCache })).toThrow(refusal);
  expect(() => gateway({ HUB_WORKERS: "2" })).toThrow(cacheRefusal); // the cache is on by default
  expect(gateway({ NODE_ENV: "production", HUB_WORKERS: "2", ...REDIS }).workers).toBe(2);
  expect(gateway({ NODE_ENV: "production", HUB_RATE_LIMIT: "off", HUB_WORKERS: "2", ...noCache }).workers).toBe(2);
  expect(gateway({ HUB_WORKERS: "2", ...noCache }).workers).toBe(2); // rate limits off outside production
});
