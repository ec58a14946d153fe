import "reflect-metadata";
import { join } from "node:path";
import autocannon from "autocannon";
import { rateLimitFromEnv } from "../gateway/config";
import { pinClock } from "../subgraphs/kit/clock";
import { ANONYMOUS_CLAIMS, signedHeaders } from "../platform/identity";
import { TEST_IDENTITY_SECRET } from "../subgraphs/kit/testing";
import { startInProcessHub } from "./in-process-hub";

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

async function load(url: string, body: string, headers: Record<string, string>, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, method: "POST", body, headers: { "content-type": "application/json", ...headers }, connections: CONNECTIONS, duration: seconds });
}

async function scenario(name: string, url: string, query: string, signed: boolean): Promise<Result> {
  const body = JSON.stringify({ query });
  // a signature stays valid for five minutes, long enough to replay one body for the whole scenario
  const headers = signed ? signedHeaders(TEST_IDENTITY_SECRET, ANONYMOUS_CLAIMS, "bench", body) : {};
  await load(url, body, headers, 2);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(url, body, headers, SECONDS));
  return {
    scenario: name,
    requestsPerSecond: median(runs.map((r) => r.requests.average)),
    latencyP50: median(runs.map((r) => r.latency.p50)),
    latencyP99: median(runs.map((r) => r.latency.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
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
      await scenario("directory, straight to organizations (signed)", hub.subgraphs.organizations.url, DIRECTORY, true),
      await scenario("directory, through the gateway", hub.gateway.url, DIRECTORY, false),
      await scenario("one organization across all four subgraphs, through the gateway", hub.gateway.url, ACROSS, false),
    ];
    const rssAfter = process.memoryUsage().rss;
    process.stdout.write(`\n${RUNS} runs × ${SECONDS} s, ${CONNECTIONS} connections, medians over runs\n\n`);
    process.stdout.write("| scenario | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n");
    for (const r of results) process.stdout.write(`| ${r.scenario} | ${r.requestsPerSecond.toFixed(0)} | ${r.latencyP50} | ${r.latencyP99} | ${r.errors} |\n`);
    process.stdout.write(`\ngateway / direct throughput on the same query: ${(results[1].requestsPerSecond / results[0].requestsPerSecond).toFixed(2)}\n`);
    process.stdout.write(`process RSS: ${(rssBefore / 2 ** 20).toFixed(0)} MiB after start-up, ${(rssAfter / 2 ** 20).toFixed(0)} MiB after the load\n`);
    if (results.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    await hub.stop();
  }
}

void main();
