import "reflect-metadata";
import { join } from "node:path";
import autocannon from "autocannon";
import { rateLimitFromEnv } from "../gateway/config";
import { pinClock } from "../subgraphs/kit/clock";
import { createPublicKey } from "node:crypto";
import { ANONYMOUS_CLAIMS, encodeClaims } from "../platform/identity";
import { MemoryNonceStore } from "../platform/nonce-store";
import { signedHeaders, signRequest, verifySignedRequest } from "../platform/request-signing";
import { testSigner } from "../subgraphs/kit/testing";
import { DataSource, In } from "typeorm";
import { DeliveryStatus, OutboxDelivery } from "../subgraphs/kit/events";
import { startInProcessHub } from "./in-process-hub";
import { republishEligibility } from "./republish-eligibility";

// npm run bench: the whole hub in this process on the demo data, load from autocannon on loopback.
// Each scenario: 2 s warm-up, then RUNS runs of SECONDS s; medians over the runs. Absolute numbers depend on the
// machine (and autocannon shares this process's CPU); compare scenarios within one run.

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

const DIRECTORY = `query Directory { organizations(first: 20) { totalCount nodes { id name category legalForm homeArea { name } } } }`;
const ACROSS = `query AcrossFour { organization(id: "org_lezhulin") {
  name homeArea { name } serviceStats(period: { from: "2021-01-01", to: "2021-12-31" }) { serviceEvents volunteerHours }
  bookings { title room { name facility { name } } } certifiedMemberCount grants { awardedFen program { name } }
} }`;

interface Result {
  scenario: string;
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Signed headers for requests straight to a subgraph: one signature per request, as a nonce is good once. */
type Signing = { audience: string; path: string } | null;

/**
 * Signs the requests of one load run before it starts (more than the subgraph can serve in that time), so the
 * load generator, which shares this process, spends no CPU on signing while the server is measured; should the
 * pool run dry, the rest are signed as they go.
 */
function signedPool(signing: { audience: string; path: string }, body: string, count: number): () => Record<string, string> {
  const sign = () => signedHeaders(testSigner(), { method: "POST", ...signing }, ANONYMOUS_CLAIMS, "bench", body);
  const pool = Array.from({ length: count }, sign);
  return () => pool.pop() ?? sign();
}

async function load(url: string, body: string, signing: Signing, seconds: number): Promise<autocannon.Result> {
  const headers = { "content-type": "application/json" };
  if (!signing) return autocannon({ url, method: "POST", body, headers, connections: CONNECTIONS, duration: seconds });
  const next = signedPool(signing, body, MAX_DIRECT_RATE * seconds);
  const requests = [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, headers: { ...headers, ...next() } }) }];
  return autocannon({ url, method: "POST", body, headers, requests: requests as never, connections: CONNECTIONS, duration: seconds });
}

/** More requests a second than one subgraph serves here (~2,000–3,300 on 2 cores): the size of a run's signed pool. */
const MAX_DIRECT_RATE = 6_000;

async function scenario(name: string, url: string, query: string, signing: Signing): Promise<Result> {
  const body = JSON.stringify({ query });
  await load(url, body, signing, 2);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(url, body, signing, SECONDS));
  return {
    scenario: name,
    requestsPerSecond: median(runs.map((r) => r.requests.average)),
    latencyP50: median(runs.map((r) => r.latency.p50)),
    latencyP99: median(runs.map((r) => r.latency.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
}

const SIGNING_ROUNDS = 2_000;

/**
 * The CPU one subgraph request spends on its signature, measured alone on the directory query as the gateway
 * sends it: the gateway signs (body hash, nonce, Ed25519), the subgraph verifies (Ed25519, canonical identity)
 * and remembers the nonce.
 */
function signingCost(): { sign: number; verify: number; replay: number } {
  const body = JSON.stringify({ query: DIRECTORY, variables: {} });
  const target = { method: "POST", path: "/graphql", audience: "organizations" };
  const signer = testSigner();
  const publicKey = createPublicKey(signer.key);
  const identity = encodeClaims({ ...ANONYMOUS_CLAIMS, personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
  // CPU time, not wall time: the figure is what a request costs the process, whatever else the machine runs
  const perRequest = (action: (i: number) => void) => {
    const started = process.cpuUsage();
    for (let i = 0; i < SIGNING_ROUNDS; i++) action(i);
    const used = process.cpuUsage(started);
    return (used.user + used.system) / SIGNING_ROUNDS;
  };
  const runs = Array.from({ length: RUNS }, () => {
    const signatures: string[] = [];
    const sign = perRequest(() => signatures.push(signRequest(signer, target, identity, "bench", body)));
    const verified: { nonce: string; freshUntil: number }[] = [];
    const verify = perRequest((i) => verified.push(verifySignedRequest(() => publicKey, target, { identity, signature: signatures[i], requestId: "bench" }, body)));
    const nonces = new MemoryNonceStore();
    const replay = perRequest((i) => void nonces.firstSeen(verified[i].nonce, verified[i].freshUntil));
    return { sign, verify, replay };
  });
  return { sign: median(runs.map((r) => r.sign)), verify: median(runs.map((r) => r.verify)), replay: median(runs.map((r) => r.replay)) };
}

const EVENT_ROUNDS = 20;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * The outbox under a burst: EVENT_ROUNDS × every demo organization's OrganizationEligibilityChanged queued at once
 * (as a large sheet import would), delivered by organizations' relay to venues, which applies each in its own
 * transaction. Throughput from the first commit to the last delivery; lag per event from its commit to its delivery.
 */
async function eventBurst(db: DataSource): Promise<{ events: number; perSecond: number; lagP50: number; lagP99: number }> {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const started = Date.now();
    let events = 0;
    for (let round = 0; round < EVENT_ROUNDS; round++) events += await republishEligibility(db, 500, "bench");
    const deliveries = db.getRepository(OutboxDelivery);
    while ((await deliveries.countBy({ status: DeliveryStatus.PENDING })) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const seconds = (Date.now() - started) / 1000;
    const delivered = await deliveries.findBy({ status: In([DeliveryStatus.DELIVERED]) });
    const lags = delivered.slice(-events).map((d) => d.deliveredAt!.getTime() - d.enqueuedAt.getTime()).sort((a, b) => a - b);
    runs.push({ events, perSecond: events / seconds, lagP50: percentile(lags, 0.5), lagP99: percentile(lags, 0.99) });
  }
  return { events: runs[0].events, perSecond: median(runs.map((r) => r.perSecond)), lagP50: median(runs.map((r) => r.lagP50)), lagP99: median(runs.map((r) => r.lagP99)) };
}

async function main(): Promise<void> {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  const hub = await startInProcessHub({
    jwtSecret: "bench-jwt-secret-0123456789abcdef01234",
    supergraphPath: join(__dirname, "..", "..", "schema", "supergraph.graphql"), // from dist/scripts
    ...rateLimitFromEnv(process.env), // off unless HUB_RATE_LIMIT=on: like for like with other gateways
  });
  try {
    const rssBefore = process.memoryUsage().rss;
    const results = [
      await scenario("directory, straight to organizations (signed)", hub.subgraphs.organizations.url, DIRECTORY, { audience: "organizations", path: new URL(hub.subgraphs.organizations.url).pathname }),
      await scenario("directory, through the gateway", hub.gateway.url, DIRECTORY, null),
      await scenario("one organization across all four subgraphs, through the gateway", hub.gateway.url, ACROSS, null),
    ];
    const rssAfter = process.memoryUsage().rss;
    const burst = await eventBurst(hub.subgraphs.organizations.db);
    process.stdout.write(`\n${RUNS} runs × ${SECONDS} s, ${CONNECTIONS} connections, medians over runs\n\n`);
    process.stdout.write("| scenario | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n");
    for (const r of results) process.stdout.write(`| ${r.scenario} | ${r.requestsPerSecond.toFixed(0)} | ${r.latencyP50} | ${r.latencyP99} | ${r.errors} |\n`);
    process.stdout.write(`\ngateway / direct throughput on the same query: ${(results[1].requestsPerSecond / results[0].requestsPerSecond).toFixed(2)}\n`);
    const signing = signingCost();
    process.stdout.write(
      `Ed25519 request signing, CPU µs per subgraph request (median of ${RUNS} runs × ${SIGNING_ROUNDS}): sign ${signing.sign.toFixed(1)} (gateway), verify ${signing.verify.toFixed(1)} (subgraph: signature + identity), replay check ${signing.replay.toFixed(1)} (memory); total ${(signing.sign + signing.verify + signing.replay).toFixed(1)}\n`,
    );
    process.stdout.write(
      `Events organizations → venues, a burst of ${burst.events} (median of ${RUNS} runs): ${burst.perSecond.toFixed(0)} events/s delivered and applied; lag commit → delivery p50 ${burst.lagP50} ms, p99 ${burst.lagP99} ms\n`,
    );
    process.stdout.write(`process RSS: ${(rssBefore / 2 ** 20).toFixed(0)} MiB after start-up, ${(rssAfter / 2 ** 20).toFixed(0)} MiB after the load\n`);
    if (results.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    await hub.stop();
  }
}

void main();
