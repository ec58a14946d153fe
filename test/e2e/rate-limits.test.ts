import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { RateLimitConfig } from "@gateway/rate-limit";
import { Listening } from "@platform/http";
import { log, logTo } from "@platform/log";
import { metrics } from "@platform/metrics";
import { GraphQLResponse, startTestGateway, startTestHub, TestHub } from "../support/hub";
import { parseExposition, total } from "../support/prometheus";

// The gateway's rate limits (issue 10 point 6), on real gateways in front of the four real subgraphs.
// Each gateway gets small limits and counter keys of its own, so runs in parallel (and on one Redis) never meet.
const REDIS_URL = "redis://127.0.0.1:6379";
const QUERY = "{ organizations(first: 1) { totalCount } }";

let hub: TestHub;
const gateways: Listening[] = [];

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await hub?.stop();
});

const uniquePrefix = () => `test:rl:${randomUUID()}`;

/** Another gateway over the hub's subgraphs, with rate limits: 3 anonymous, 5 per identity, 8 signed in per address. */
async function gatewayWith(limits: Partial<RateLimitConfig>, redisUrl?: string): Promise<Listening> {
  const gateway = await startTestGateway(Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url])), {
    rateLimit: { windowSeconds: 60, anonymousPerIp: 3, perIdentity: 5, signedInPerIp: 8, trustedProxies: [], keyPrefix: uniquePrefix(), ...limits },
    redisUrl,
  });
  gateways.push(gateway);
  return gateway;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: GraphQLResponse;
}

async function post(gateway: Listening, options: { token?: string; forwardedFor?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.forwardedFor) headers["x-forwarded-for"] = options.forwardedFor;
  const response = await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify({ query: QUERY }) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as GraphQLResponse };
}

/** The statuses of `times` requests sent one after the other. */
async function statuses(times: number, send: () => Promise<Answer>): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++) seen.push((await send()).status);
  return seen;
}

const refusedCount = async (limit: string) => total(parseExposition(await metrics.metrics()), "hub_rate_limit_refused_total", { limit });

/** The JSON lines logged at info and above while `action` runs; `action` may read those logged so far. */
async function logged(action: (soFar: () => Record<string, any>[]) => Promise<unknown>): Promise<Record<string, any>[]> {
  const lines: Record<string, any>[] = [];
  const restore = logTo({ write: (line: string) => lines.push(JSON.parse(line)) });
  const level = log.level;
  log.level = "info";
  try {
    await action(() => lines);
  } finally {
    restore();
    log.level = level;
  }
  return lines;
}

/** A local port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A Redis server of the test's own (the machine's redis-server, no persistence), once it accepts connections. */
async function startRedis(port: number): Promise<{ stop(): Promise<void> }> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  return {
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGKILL");
      await once(child, "exit");
    },
  };
}

/** Resolves once `lines` holds a line matching `message` `count` times, checking as the gateway logs. */
async function untilLogged(lines: () => Record<string, any>[], message: RegExp, count: number): Promise<void> {
  while (lines().filter((line) => message.test(line.msg)).length < count) await new Promise((resolve) => setImmediate(resolve));
}

test("past the anonymous limit an address gets 429 with Retry-After and RATE_LIMITED, while a signed-in caller is still served", async () => {
  const gateway = await gatewayWith({ anonymousPerIp: 3 });
  const refusedBefore = await refusedCount("anonymous");
  const base = gateway.url.replace(/\/graphql$/, "");
  // probes, metrics and pages are not GraphQL requests: they do not count
  for (const path of ["/health", "/ready", "/metrics", "/health"]) await fetch(`${base}${path}`);
  // nor are a browser's CORS preflights
  for (let i = 0; i < 4; i++) await fetch(gateway.url, { method: "OPTIONS", headers: { origin: "https://partner.example", "access-control-request-method": "POST" } });

  const served = await statuses(3, () => post(gateway));
  const refused = await post(gateway);

  expect(served).toEqual([200, 200, 200]);
  expect(refused.status).toBe(429);
  const seconds = Number(refused.retryAfter);
  expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60).toBe(true);
  expect(refused.body.data).toBeUndefined();
  expect(refused.body.errors).toHaveLength(1);
  expect(refused.body.errors![0].extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: seconds });
  expect(refused.body.errors![0].message).toBe(`Too many requests from this address; retry in ${seconds} s.`);
  expect(await refusedCount("anonymous")).toBe(refusedBefore + 1);

  // another identity from the same address is counted apart, and is served
  const signedIn = await post(gateway, { token: await hub.token({ sub: "per_rl_staff", roles: ["FA"] }) });
  expect(signedIn.status).toBe(200);
  expect(signedIn.body.data.organizations.totalCount).toBeGreaterThan(0);
  // a token that does not verify counts as anonymous: a flood of forged tokens meets the address's limit
  expect((await post(gateway, { token: "not-a-token" })).status).toBe(429);
  expect((await fetch(`${base}/health`)).status).toBe(200);
});

test("a signed-in caller is limited per identity, and the identities used from one address share a looser limit", async () => {
  const gateway = await gatewayWith({ perIdentity: 3, signedInPerIp: 6 });
  const first = await hub.token({ sub: "per_rl_first", roles: ["OL"], orgIds: ["org_lezhulin"] });
  const second = await hub.token({ sub: "per_rl_second", roles: ["OL"], orgIds: ["org_lezhulin"] });
  const third = await hub.token({ sub: "per_rl_third", roles: ["OL"], orgIds: ["org_lezhulin"] });

  expect(await statuses(3, () => post(gateway, { token: first }))).toEqual([200, 200, 200]);
  const spent = await post(gateway, { token: first });
  expect(spent.status).toBe(429);
  expect(spent.body.errors![0]).toMatchObject({ message: expect.stringMatching(/^Too many requests for this sign-in; retry in \d+ s\.$/), extensions: { code: "RATE_LIMITED" } });
  // a new token for the same person is the same identity
  expect((await post(gateway, { token: await hub.token({ sub: "per_rl_first", roles: ["OL"], orgIds: ["org_lezhulin"] }) })).status).toBe(429);

  // five signed-in requests from this address so far (refused ones count): one more, then the address is spent
  expect((await post(gateway, { token: second })).status).toBe(200);
  const capped = await post(gateway, { token: third });
  expect(capped.status).toBe(429);
  expect(capped.body.errors![0].message).toMatch(/^Too many requests from this address; retry in \d+ s\.$/);
  // anonymous callers from that address have their own budget
  expect((await post(gateway)).status).toBe(200);
});

test("without a trusted proxy X-Forwarded-For is ignored: rotating it does not dodge the limit", async () => {
  const gateway = await gatewayWith({ anonymousPerIp: 3 });
  const forged = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "198.51.100.9, 203.0.113.5"];
  let i = 0;
  expect(await statuses(5, () => post(gateway, { forwardedFor: forged[i++] }))).toEqual([200, 200, 200, 429, 429]);
});

test("behind a trusted proxy the client is the right-most X-Forwarded-For address that is not a trusted proxy", async () => {
  const gateway = await gatewayWith({ anonymousPerIp: 3, trustedProxies: ["127.0.0.1", "10.0.0.0/8"] });

  expect(await statuses(3, () => post(gateway, { forwardedFor: "203.0.113.7" }))).toEqual([200, 200, 200]);
  expect((await post(gateway, { forwardedFor: "203.0.113.7" })).status).toBe(429);
  // what the client writes to the left of what the proxy appends does not make it someone else
  expect((await post(gateway, { forwardedFor: "198.51.100.1, 203.0.113.7" })).status).toBe(429);
  // a second trusted proxy in the chain is skipped
  expect((await post(gateway, { forwardedFor: "203.0.113.7, 10.1.2.3" })).status).toBe(429);
  // another client behind the same proxy has its own budget, and so has the proxy itself
  expect((await post(gateway, { forwardedFor: "203.0.113.8" })).status).toBe(200);
  expect((await post(gateway, { forwardedFor: "198.51.100.1, 203.0.113.8, 10.1.2.3" })).status).toBe(200);
  expect((await post(gateway)).status).toBe(200);
});

test("two gateways on one Redis share their counters: requests split across both are refused at the combined limit", async () => {
  const limits = { anonymousPerIp: 4, perIdentity: 2, keyPrefix: uniquePrefix() };
  const [a, b] = [await gatewayWith(limits, REDIS_URL), await gatewayWith(limits, REDIS_URL)];

  let turn = 0;
  expect(await statuses(4, () => post(turn++ % 2 ? b : a))).toEqual([200, 200, 200, 200]);
  const sequence = [await post(a), await post(b)];
  expect(sequence.map((r) => r.status)).toEqual([429, 429]);
  expect(sequence.map((r) => r.body.errors![0].extensions!.code)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
  // once refused, a caller is refused from each gateway's memory until the window ends: its flood never reaches Redis
  expect(await statuses(5, () => post(a))).toEqual([429, 429, 429, 429, 429]);
  const redis = new Redis(REDIS_URL);
  try {
    expect(await redis.get(`${limits.keyPrefix}:anonymous:127.0.0.1`)).toBe("6");
  } finally {
    redis.disconnect();
  }

  const token = await hub.token({ sub: "per_rl_shared", roles: ["FA"] });
  expect([(await post(a, { token })).status, (await post(b, { token })).status, (await post(a, { token })).status]).toEqual([200, 200, 429]);
});

test("while Redis does not answer, the gateway serves, counts in its own memory and logs a warning", async () => {
  const fallbacksBefore = total(parseExposition(await metrics.metrics()), "hub_rate_limit_store_fallbacks_total");
  let gateway: Listening | undefined;
  let seen: number[] = [];
  const lines = await logged(async () => {
    gateway = await gatewayWith({ anonymousPerIp: 3 }, `redis://127.0.0.1:${await closedPort()}`);
    seen = await statuses(4, () => post(gateway!));
  });

  expect(seen).toEqual([200, 200, 200, 429]);
  expect(lines.filter((line) => line.level === 40 && /rate limits: Redis does not answer/.test(line.msg))).toHaveLength(1);
  expect(total(parseExposition(await metrics.metrics()), "hub_rate_limit_store_fallbacks_total") - fallbacksBefore).toBe(4);
});

test("when the shared Redis goes down each replica counts alone, and they share their counts again once it is back", async () => {
  const port = await closedPort();
  let redis = await startRedis(port);
  const limits = { anonymousPerIp: 3, keyPrefix: uniquePrefix() };
  try {
    const lines = await logged(async (soFar) => {
      const [a, b] = [await gatewayWith(limits, `redis://127.0.0.1:${port}`), await gatewayWith(limits, `redis://127.0.0.1:${port}`)];
      expect([(await post(a)).status, (await post(b)).status]).toEqual([200, 200]);

      await redis.stop();
      // each replica now has a budget of its own, and serves meanwhile
      expect(await statuses(4, () => post(a))).toEqual([200, 200, 200, 429]);
      expect(await statuses(4, () => post(b))).toEqual([200, 200, 200, 429]);

      redis = await startRedis(port); // empty again: no persistence
      await untilLogged(soFar, /rate limits: Redis answers again/, 2);
      let turn = 0;
      expect(await statuses(4, () => post(turn++ % 2 ? b : a))).toEqual([200, 200, 200, 429]);
    });
    expect(lines.filter((line) => line.level === 40 && /Redis does not answer/.test(line.msg))).toHaveLength(2);
  } finally {
    await redis.stop();
  }
});
