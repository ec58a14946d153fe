// The bench's arithmetic and its output: per-request figures from counter deltas, medians of rounds, the table.

/** What the bench reads from every process before and after an operation's measured rounds. */
export interface Counters {
  /** utime + stime in clock ticks, by process name ("gateway", "organizations", …). */
  cpuTicks: Record<string, number>;
  /** The gateway's hub_subgraph_fetch_duration_seconds_count, all subgraphs. */
  subgraphFetches: number;
  /** hub_sql_statements_total summed over the subgraphs. */
  sqlStatements: number;
  /** hub_graphql_errors_total of the gateway: errors in the responses it sent. */
  graphqlErrors: number;
  /** hub_graphql_requests_total of the gateway: the requests it answered, those still in flight when a round ended too. */
  gatewayRequests: number;
  /** A gateway with its response cache on: hub_response_cache_hits_total and _misses_total. */
  cacheHits?: number;
  cacheMisses?: number;
}

/** One measured round of load (autocannon's figures, plus what the bench read from the responses). */
export interface Round {
  requests: number;
  /** Requests sent, those still in flight when the round ended included (they cost CPU and calls too). */
  sent?: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx, and requests that got no response (timeouts, resets). */
  non2xx: number;
  transportErrors: number;
  /** Answers that were not the expected body (the peers' reads). */
  mismatches?: number;
  /** M2 only: responses whose payload had conflicts, and bookings made. */
  conflicts: number;
  booked: number;
}

export interface OperationReport {
  name: string;
  caller: string;
  rounds: Round[];
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** non-2xx + no response + unexpected answers + GraphQL errors, over all measured rounds. */
  errors: number;
  graphqlErrors: number;
  conflicts: number;
  booked: number;
  gatewayCpuMsPerRequest: number;
  subgraphsCpuMsPerRequest: number;
  cpuMsPerRequest: Record<string, number>;
  subgraphCallsPerRequest: number;
  sqlStatementsPerRequest: number;
  /** Hits ÷ (hits + misses) of the gateway's response cache over the rounds; absent when it has none. */
  cacheHitRate?: number;
  note?: string;
}

/** The middle value (the lower middle of an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** An operation's report from its measured rounds and the counters read around them. */
export function summarize(name: string, caller: string, rounds: Round[], before: Counters, after: Counters, ticksPerSecond: number): OperationReport {
  // per request of what the gateway answered between the two readings (else of what was sent): autocannon stops
  // counting at a round's end, the up to 10 requests then in flight still cost CPU and calls
  const answered = after.gatewayRequests - before.gatewayRequests;
  const requests = answered > 0 ? answered : rounds.reduce((sum, r) => sum + (r.sent ?? r.requests), 0);
  const per = (delta: number) => (requests > 0 ? delta / requests : NaN);
  const cpuMsPerRequest: Record<string, number> = {};
  for (const process of Object.keys(after.cpuTicks)) {
    cpuMsPerRequest[process] = per(((after.cpuTicks[process] - (before.cpuTicks[process] ?? 0)) * 1000) / ticksPerSecond);
  }
  const graphqlErrors = after.graphqlErrors - before.graphqlErrors;
  const sum = (pick: (r: Round) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  return {
    name,
    caller,
    rounds,
    requestsPerSecond: median(rounds.map((r) => (r.seconds > 0 ? r.requests / r.seconds : 0))),
    p50Ms: median(rounds.map((r) => r.p50)),
    p99Ms: median(rounds.map((r) => r.p99)),
    errors: sum((r) => r.non2xx + r.transportErrors + (r.mismatches ?? 0)) + graphqlErrors,
    graphqlErrors,
    conflicts: sum((r) => r.conflicts),
    booked: sum((r) => r.booked),
    gatewayCpuMsPerRequest: cpuMsPerRequest.gateway ?? NaN,
    subgraphsCpuMsPerRequest: Object.entries(cpuMsPerRequest)
      .filter(([process]) => process !== "gateway")
      .reduce((total, [, ms]) => total + ms, 0),
    cpuMsPerRequest,
    subgraphCallsPerRequest: per(after.subgraphFetches - before.subgraphFetches),
    sqlStatementsPerRequest: per(after.sqlStatements - before.sqlStatements),
    ...cacheHitRate(before, after),
  };
}

function cacheHitRate(before: Counters, after: Counters): { cacheHitRate?: number } {
  if (after.cacheHits === undefined || after.cacheMisses === undefined) return {};
  const hits = after.cacheHits - (before.cacheHits ?? 0);
  const lookups = hits + after.cacheMisses - (before.cacheMisses ?? 0);
  return lookups > 0 ? { cacheHitRate: hits / lookups } : {};
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

/** The markdown table the bench prints and the README shows. */
export function markdownTable(reports: readonly OperationReport[]): string {
  const lines = [
    "| operation | caller | req/s | p50 ms | p99 ms | errors | gateway CPU ms/req | subgraphs CPU ms/req | subgraph calls/req | SQL/req |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of reports) {
    const errors = r.conflicts > 0 ? `${r.errors} (+${r.conflicts} conflicts)` : String(r.errors);
    lines.push(
      `| ${r.name} | ${r.caller} | ${fixed(r.requestsPerSecond, 0)} | ${fixed(r.p50Ms, 1)} | ${fixed(r.p99Ms, 1)} | ${errors} | ${fixed(r.gatewayCpuMsPerRequest, 2)} | ${fixed(r.subgraphsCpuMsPerRequest, 2)} | ${fixed(r.subgraphCallsPerRequest, 1)} | ${fixed(r.sqlStatementsPerRequest, 1)} |`,
    );
  }
  return lines.join("\n");
}

/** Peak resident memory per process, one line. */
export function memoryLine(peakKib: Record<string, number>): string {
  return `peak memory (VmHWM): ${Object.entries(peakKib)
    .map(([process, kib]) => `${process} ${(kib / 1024).toFixed(0)} MiB`)
    .join(", ")}`;
}
