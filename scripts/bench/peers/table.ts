import { OperationReport } from "../report";
import { VARIANTS, VariantName } from "./start-peers";
import { PeerComparison } from "./variants";

// The peers' part of the bench's output: every variant per operation, and the ratios issue 12 point 6 sets targets on.

const fixed = (value: number | undefined, digits: number) => (value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : "–");

/** What each variant is, for the lines under the table. */
export const VARIANT_LEGEND: Record<VariantName, string> = {
  "hub-off": "the hub's gateway, HUB_DEDUPE_READS=off",
  "hub-on": "the hub's gateway, HUB_DEDUPE_READS=on",
  "hub-cache": "the hub's gateway, HUB_DEDUPE_READS=on and HUB_RESPONSE_CACHE=on (anonymous and partner answers cached, cleared by events)",
  stock: "@apollo/gateway in @apollo/server's standalone server, defaults, its own HTTP client, signing added",
  "hive-off": "Hive Gateway (@graphql-hive/gateway runtime), a signing plugin, deduplicateInflightRequests: false",
  "hive-on": "Hive Gateway, the same, deduplicateInflightRequests: true (its default)",
  floor: "the hub gateway's subgraph calls alone, re-signed and sent straight to the subgraphs, stage by stage",
};

/** Every variant of every operation: rates and latencies are medians of rounds, CPU per request summed over them. */
export function variantsTable(comparisons: readonly PeerComparison[]): string {
  const lines = [
    "| operation | variant | req/s | p50 ms | p99 ms | errors | gateway CPU ms/req | subgraphs CPU ms/req | subgraph calls/req | SQL/req | cache hits |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const c of comparisons) {
    for (const variant of VARIANTS) {
      const r = c.variants[variant];
      lines.push(
        r
          ? `| ${c.name} | ${variant} | ${fixed(r.requestsPerSecond, 0)} | ${fixed(r.p50Ms, 1)} | ${fixed(r.p99Ms, 1)} | ${r.errors} | ${fixed(r.gatewayCpuMsPerRequest, 2)} | ${fixed(r.subgraphsCpuMsPerRequest, 2)} | ${fixed(r.subgraphCallsPerRequest, 1)} | ${fixed(r.sqlStatementsPerRequest, 1)} | ${r.cacheHitRate === undefined ? "–" : `${fixed(r.cacheHitRate * 100, 1)} %`} |`
          : `| ${c.name} | ${variant} | – | – | – | – | – | – | – | – | – |`,
      );
    }
  }
  return lines.join("\n");
}

export interface Ratios {
  /** hub-off ÷ stock: throughput, and the gateway's CPU per request. */
  stockThroughput: number;
  stockGatewayCpu: number;
  /** hub ÷ Hive, deduplication off against off and on against on. */
  hiveOffThroughput: number;
  hiveOffGatewayCpu: number;
  hiveOnThroughput: number;
  hiveOnGatewayCpu: number;
  /** hub-off ÷ floor: throughput, and p99. */
  floorThroughput: number;
  floorP99: number;
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : NaN);

export function ratiosOf(c: PeerComparison): Ratios {
  const v = c.variants;
  const rps = (r?: OperationReport) => r?.requestsPerSecond;
  const cpu = (r?: OperationReport) => r?.gatewayCpuMsPerRequest;
  return {
    stockThroughput: ratio(rps(v["hub-off"]), rps(v.stock)),
    stockGatewayCpu: ratio(cpu(v["hub-off"]), cpu(v.stock)),
    hiveOffThroughput: ratio(rps(v["hub-off"]), rps(v["hive-off"])),
    hiveOffGatewayCpu: ratio(cpu(v["hub-off"]), cpu(v["hive-off"])),
    hiveOnThroughput: ratio(rps(v["hub-on"]), rps(v["hive-on"])),
    hiveOnGatewayCpu: ratio(cpu(v["hub-on"]), cpu(v["hive-on"])),
    floorThroughput: ratio(rps(v["hub-off"]), rps(v.floor)),
    floorP99: ratio(v["hub-off"]?.p99Ms, v.floor?.p99Ms),
  };
}

/** The ratios per operation (targets of issue 12: gateway CPU ≤ 0.4× stock, req/s ≥ 1.5× stock and ≥ 1× Hive, p99 ≤ 3× floor). */
export function ratiosTable(comparisons: readonly PeerComparison[]): string {
  const lines = [
    "| operation | req/s hub/stock | gw CPU hub/stock | req/s hub/Hive off | gw CPU hub/Hive off | req/s hub/Hive on | gw CPU hub/Hive on | req/s hub/floor | p99 hub/floor |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const c of comparisons) {
    const r = ratiosOf(c);
    const cells = [r.stockThroughput, r.stockGatewayCpu, r.hiveOffThroughput, r.hiveOffGatewayCpu, r.hiveOnThroughput, r.hiveOnGatewayCpu, r.floorThroughput, r.floorP99];
    lines.push(`| ${c.name} | ${cells.map((x) => fixed(x, 2)).join(" | ")} |`);
  }
  return lines.join("\n");
}

/** The lines the bench prints about the peers, after the hub's own table. */
export function peersSection(comparisons: readonly PeerComparison[], options: { rounds: number; seconds: number; warmupSeconds: number }): string[] {
  return [
    "",
    `Peers, in the same run: per read operation every variant warmed up (${options.warmupSeconds} s), then ${options.rounds} rounds of ${options.seconds} s alternating between the variants, medians of the rounds; CPU from /proc over each variant's rounds (its gateway process; the subgraphs during its rounds), per request sent by the load generator (those in flight at a round's end included); subgraph calls counted by the subgraphs`,
    "",
    variantsTable(comparisons),
    "",
    ...VARIANTS.map((v) => `- ${v}: ${VARIANT_LEGEND[v]}`),
    "",
    "Ratios (hub-off against stock, Hive off and the floor, none of which deduplicates; hub-on against Hive on):",
    "",
    ratiosTable(comparisons),
    "",
    ...comparisons.flatMap((c) => c.notes.map((note) => `${c.name}: ${note}`)),
  ];
}
