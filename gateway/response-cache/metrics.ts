import { Counter } from "prom-client";
import { metrics } from "../../platform/metrics";

// The gateway's response cache on /metrics (README "Operating it"); the benchmark reads the hit rate from these.

export const cacheHits = new Counter({
  name: "hub_response_cache_hits_total",
  help: "Anonymous and partner queries answered from the gateway's response cache, by operation name",
  labelNames: ["operation"] as const,
  registers: [metrics],
});

export const cacheMisses = new Counter({
  name: "hub_response_cache_misses_total",
  help: "Anonymous and partner queries the response cache did not hold (they ran), by operation name",
  labelNames: ["operation"] as const,
  registers: [metrics],
});

export const cacheStores = new Counter({
  name: "hub_response_cache_stores_total",
  help: "Answers the gateway put in its response cache (every subgraph fetch was declared cacheable, no errors), by operation name",
  labelNames: ["operation"] as const,
  registers: [metrics],
});

export const cacheInvalidations = new Counter({
  name: "hub_response_cache_invalidations_total",
  help: "Events received that cleared tags of the response cache, by event type",
  labelNames: ["type"] as const,
  registers: [metrics],
});

export const cacheInvalidatedEntries = new Counter({
  name: "hub_response_cache_invalidated_entries_total",
  help: "Cached answers dropped because an event cleared one of their tags",
  registers: [metrics],
});
