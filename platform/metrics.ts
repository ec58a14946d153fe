import { createHash, timingSafeEqual } from "node:crypto";
import { IncomingMessage, ServerResponse } from "node:http";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { log } from "./log";

/** The process's one Prometheus registry: every server in this process serves it at GET /metrics. */
export const metrics = new Registry();

// process memory, CPU, event-loop lag, GC: under the same prefix as the hub's own metrics. The lag is sampled
// every 100 ms, not prom-client's 10: its timer woke an idle process 100 times a second, 7–11 ms of CPU a second
// (issue 12 point 7); a stall longer than 100 ms is still always seen
collectDefaultMetrics({ register: metrics, prefix: "hub_", eventLoopMonitoringPrecision: 100 });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** GraphQL requests answered, by process (`gateway` or a subgraph's name) and operation name. */
export const requestsTotal = new Counter({
  name: "hub_graphql_requests_total",
  help: "GraphQL requests answered, by service and operation name",
  labelNames: ["service", "operation"] as const,
  registers: [metrics],
});

/** Time from receiving a GraphQL request to the end of its response. */
export const requestDuration = new Histogram({
  name: "hub_graphql_request_duration_seconds",
  help: "Time from receiving a GraphQL request to the end of its response, by service and operation name",
  labelNames: ["service", "operation"] as const,
  buckets: SECONDS,
  registers: [metrics],
});

/** Errors in GraphQL responses, by their `extensions.code`. */
export const errorsTotal = new Counter({
  name: "hub_graphql_errors_total",
  help: "Errors in GraphQL responses, by service and extensions.code",
  labelNames: ["service", "code"] as const,
  registers: [metrics],
});

/** The gateway's calls to each subgraph, until the response headers arrive. */
export const subgraphFetchDuration = new Histogram({
  name: "hub_subgraph_fetch_duration_seconds",
  help: "Gateway fetches to a subgraph, until its response headers arrive, by subgraph",
  labelNames: ["subgraph"] as const,
  buckets: SECONDS,
  registers: [metrics],
});

/** Gateway fetches that waited for an identical read already on its way instead of calling the subgraph again. */
export const subgraphFetchesShared = new Counter({
  name: "hub_subgraph_fetches_shared_total",
  help: "Gateway reads to a subgraph answered by an identical in-flight read (same body, same signed identity), by subgraph",
  labelNames: ["subgraph"] as const,
  registers: [metrics],
});

/** Gateway fetches that got no HTTP response at all (subgraph down, connection reset). */
export const subgraphFetchFailures = new Counter({
  name: "hub_subgraph_fetch_failures_total",
  help: "Gateway fetches to a subgraph that got no HTTP response (down, refused, reset), by subgraph",
  labelNames: ["subgraph"] as const,
  registers: [metrics],
});

/** Requests the gateway's rate limits refused (429), by the limit that was spent. */
export const rateLimitRefusals = new Counter({
  name: "hub_rate_limit_refused_total",
  help: "Requests refused with 429 by the gateway's rate limits, by limit (anonymous, identity, signed_in_ip)",
  labelNames: ["limit"] as const,
  registers: [metrics],
});

/** Rate-limit counts taken in this replica's memory because the shared store (Redis) did not answer. */
export const rateLimitStoreFallbacks = new Counter({
  name: "hub_rate_limit_store_fallbacks_total",
  help: "Rate-limit counts taken in this replica's memory because Redis did not answer",
  registers: [metrics],
});

/** SQL statements sent to the database, by subgraph. */
export const sqlStatementsTotal = new Counter({
  name: "hub_sql_statements_total",
  help: "SQL statements a subgraph sent to its database",
  labelNames: ["subgraph"] as const,
  registers: [metrics],
});

/** Duration of each SQL statement, including the wait for a pooled connection on a runner's first one. */
export const sqlDuration = new Histogram({
  name: "hub_sql_statement_duration_seconds",
  help: "Duration of a subgraph's SQL statements (on MySQL a runner's first statement includes the wait for a pooled connection)",
  labelNames: ["subgraph"] as const,
  buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  registers: [metrics],
});

/** Keys per DataLoader batch: a field that batches shows large batches, an N+1 shows a flood of size 1. */
export const loaderBatchSize = new Histogram({
  name: "hub_dataloader_batch_size",
  help: "Keys per DataLoader batch, by subgraph and loader name",
  labelNames: ["subgraph", "loader"] as const,
  buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
  registers: [metrics],
});

const MAX_OPERATION_LABELS = 500;
const operationLabels = new Set<string>();

/**
 * The `operation` label for an operation name as the client sent it: "anonymous" without one.
 * Names are the client's to choose, so only the first 500 distinct names get their own series; later ones
 * share "other", which keeps a client that invents names from growing the registry without bound.
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return "anonymous";
  const label = name.slice(0, 100);
  if (operationLabels.has(label)) return label;
  if (operationLabels.size >= MAX_OPERATION_LABELS) return "other";
  operationLabels.add(label);
  return label;
}

let scrape: () => Promise<string> = () => metrics.metrics();

/** Where GET /metrics takes its text: this registry, unless a cluster worker asks its primary for the whole group's. */
export function scrapeMetricsWith(source: () => Promise<string>): void {
  scrape = source;
}

/** GET /metrics: the registry in Prometheus' text format. */
export async function serveMetrics(_request: IncomingMessage, response: ServerResponse): Promise<void> {
  let body: string;
  try {
    body = await scrape();
  } catch (error) {
    log.warn({ err: error }, "/metrics could not be gathered");
    response.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end("The metrics could not be gathered; try again.\n");
    return;
  }
  response.writeHead(200, { "content-type": metrics.contentType }).end(body);
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * GET /metrics as a process serves it: behind `Authorization: Bearer <token>` when a token is set (401 otherwise);
 * without one open, or not served at all (undefined) when `offWithoutToken` (a production gateway).
 */
export function metricsRoute(options: { token?: string; offWithoutToken?: boolean }): ((request: IncomingMessage, response: ServerResponse) => Promise<void>) | undefined {
  const { token } = options;
  if (!token) return options.offWithoutToken ? undefined : serveMetrics;
  const expected = digest(token);
  return async (request, response) => {
    const sent = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (!sent || !timingSafeEqual(digest(sent), expected)) {
      response
        .writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="metrics"' })
        .end("/metrics needs Authorization: Bearer <HUB_METRICS_TOKEN>.\n");
      return;
    }
    await serveMetrics(request, response);
  };
}
