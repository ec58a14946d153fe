import { isDeepStrictEqual } from "node:util";
import { cpuTicks } from "../proc";
import { scrape, total } from "../prometheus";
import { Extent, readHeaders, readRound } from "../load";
import { Counters, OperationReport, Round, summarize } from "../report";
import { floorRound } from "./floor";
import { Stage } from "./recorder";
import { GATEWAY_VARIANTS, GatewayVariant, Measured, Peers, VariantName, VARIANTS } from "./start-peers";

// One read operation through every variant in the same run (issue 12 point 3): each warmed up, then rounds that
// alternate between the variants (round 1 of each, then round 2 …); CPU of the variant's gateway and of the
// subgraphs read around each of its rounds and summed per variant.

export interface PeerRead {
  name: string;
  caller: string;
  body: string;
  bearer: string | null;
}

export interface PeerComparison {
  name: string;
  caller: string;
  /** One report per variant; the floor's is missing when the hub's calls could not be recorded. */
  variants: Partial<Record<VariantName, OperationReport>>;
  notes: string[];
}

/** How many measured rounds, and how long each and the warm-up last (seconds, or requests for quick tests). */
export interface PeerRounds {
  rounds: number;
  round: Extent;
  warmup: Extent;
}

const ZERO: Counters = { cpuTicks: {}, subgraphFetches: 0, sqlStatements: 0, graphqlErrors: 0, gatewayRequests: 0 };

/**
 * The variant's gateway and the subgraphs, now. Subgraph calls are counted by the subgraphs (a peer has no hub
 * metrics); requests come from the load generator for every variant alike (gatewayRequests stays 0).
 */
async function countersOf(gateway: Measured | undefined, hub: boolean, peers: Peers, caches = false): Promise<Counters> {
  const cpu: Record<string, number> = gateway ? { gateway: cpuTicks(gateway.pid) } : {};
  let sql = 0;
  let calls = 0;
  for (const subgraph of peers.subgraphs) {
    cpu[subgraph.name] = (cpu[subgraph.name] ?? 0) + cpuTicks(subgraph.pid);
    const samples = await scrape(subgraph.url, peers.metricsToken);
    sql += total(samples, "hub_sql_statements_total");
    calls += total(samples, "hub_graphql_requests_total", { service: subgraph.name });
  }
  const hubSamples = hub && gateway ? await scrape(gateway.url, peers.metricsToken) : null;
  const graphqlErrors = hubSamples ? total(hubSamples, "hub_graphql_errors_total", { service: "gateway" }) : 0;
  const cache = hubSamples && caches ? { cacheHits: total(hubSamples, "hub_response_cache_hits_total"), cacheMisses: total(hubSamples, "hub_response_cache_misses_total") } : {};
  return { cpuTicks: cpu, subgraphFetches: calls, sqlStatements: sql, graphqlErrors, gatewayRequests: 0, ...cache };
}

/**
 * The counters once the requests still in flight at a round's end have reached the subgraphs and been answered:
 * their calls and CPU belong to this variant, not to the next one measured.
 */
async function settled(read: () => Promise<Counters>): Promise<Counters> {
  let last = await read();
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await read();
    if (next.subgraphFetches === last.subgraphFetches) return next;
    last = next;
  }
  return last;
}

/** `sum` plus what changed from `before` to `after`. */
function added(sum: Counters, before: Counters, after: Counters): Counters {
  const cpuTicks = { ...sum.cpuTicks };
  for (const name of Object.keys(after.cpuTicks)) cpuTicks[name] = (cpuTicks[name] ?? 0) + after.cpuTicks[name] - (before.cpuTicks[name] ?? 0);
  const delta = (pick: (c: Counters) => number) => pick(sum) + pick(after) - pick(before);
  const cache =
    after.cacheHits !== undefined && after.cacheMisses !== undefined
      ? { cacheHits: delta((c) => c.cacheHits ?? 0), cacheMisses: delta((c) => c.cacheMisses ?? 0) }
      : {};
  return { cpuTicks, subgraphFetches: delta((c) => c.subgraphFetches), sqlStatements: delta((c) => c.sqlStatements), graphqlErrors: delta((c) => c.graphqlErrors), gatewayRequests: 0, ...cache };
}

/** One POST, for the answer a variant gives before it is measured. */
async function answerOf(url: string, read: PeerRead): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: "POST", headers: readHeaders(read.bearer), body: read.body });
  return { status: response.status, text: await response.text() };
}

const dataOf = (text: string): { data?: unknown; errors?: unknown[] } => {
  try {
    return JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  } catch {
    return { errors: [text.slice(0, 200)] };
  }
};

/**
 * Each gateway's answer is checked against the hub's (same data, no errors) and then expected byte for byte in
 * its rounds; the floor's calls are recorded from the hub's gateway and each answer expected as recorded.
 */
async function roundRunners(read: PeerRead, peers: Peers, notes: string[]): Promise<Partial<Record<VariantName, (how: Extent) => Promise<Round>>>> {
  const runners: Partial<Record<VariantName, (how: Extent) => Promise<Round>>> = {};
  const reference = dataOf((await answerOf(peers.gateways["hub-off"].url, read)).text);
  if (reference.errors) notes.push(`the hub answered with errors: ${JSON.stringify(reference.errors).slice(0, 200)}`);
  for (const variant of GATEWAY_VARIANTS) {
    const url = peers.gateways[variant].url;
    const answer = await answerOf(url, read);
    const parsed = dataOf(answer.text);
    if (answer.status !== 200 || parsed.errors) notes.push(`${variant} answered ${answer.status} with errors: ${JSON.stringify(parsed.errors ?? answer.text).slice(0, 200)}`);
    else if (!isDeepStrictEqual(parsed.data, reference.data)) notes.push(`${variant}'s data differ from the hub's`);
    runners[variant] = (how) => readRound(url, read.body, read.bearer, how, answer.text);
  }
  try {
    const stages: Stage[] = await peers.record(read.body, read.bearer);
    runners.floor = (how) => floorRound(stages, peers.gatewayKey, how);
  } catch (error) {
    notes.push(`floor: the hub's subgraph calls could not be recorded (${(error as Error).message})`);
  }
  return runners;
}

/** A read through every variant, alternating, as PeerComparison. */
export async function comparePeers(read: PeerRead, peers: Peers, options: PeerRounds, ticks: number, say: (line: string) => void): Promise<PeerComparison> {
  const notes: string[] = [];
  const runners = await roundRunners(read, peers, notes);
  const measured = VARIANTS.filter((v) => runners[v]);
  for (const variant of measured) {
    say(`  ${read.name}: ${variant} warm-up`);
    await runners[variant]!(options.warmup);
  }
  const rounds = Object.fromEntries(measured.map((v) => [v, [] as Round[]])) as Record<VariantName, Round[]>;
  const sums = Object.fromEntries(measured.map((v) => [v, ZERO])) as Record<VariantName, Counters>;
  for (let i = 0; i < options.rounds; i++) {
    for (const variant of measured) {
      const gateway = variant === "floor" ? undefined : peers.gateways[variant as GatewayVariant];
      const hub = variant.startsWith("hub");
      const caches = variant === "hub-cache";
      const before = await countersOf(gateway, hub, peers, caches);
      rounds[variant].push(await runners[variant]!(options.round));
      sums[variant] = added(sums[variant], before, await settled(() => countersOf(gateway, hub, peers, caches)));
    }
    say(`  ${read.name}: round ${i + 1}/${options.rounds}: ${measured.map((v) => `${v} ${(rounds[v][i].requests / rounds[v][i].seconds).toFixed(0)}`).join(", ")} req/s`);
  }
  const variants = Object.fromEntries(measured.map((v) => [v, summarize(read.name, read.caller, rounds[v], ZERO, sums[v], ticks)]));
  return { name: read.name, caller: read.caller, variants, notes };
}
