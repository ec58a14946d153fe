import { KeyObject } from "node:crypto";
import { freePort, HubProcess, ReadyProbe, startHubProcess } from "../processes";
import { readHeaders } from "../load";
import { Stage, startRecorder } from "./recorder";

// The gateways the hub is compared with, each its own process from dist/ over the same subgraphs, and the recorder
// of the hub's subgraph calls for the floor.

/** The gateway variants, in the order their rounds alternate; the floor has no gateway. */
export const GATEWAY_VARIANTS = ["hub-off", "hub-on", "hub-cache", "stock", "hive-off", "hive-on"] as const;
export type GatewayVariant = (typeof GATEWAY_VARIANTS)[number];
export type VariantName = GatewayVariant | "floor";
export const VARIANTS: readonly VariantName[] = [...GATEWAY_VARIANTS, "floor"];

/** The hub gateway with its response cache on: its port is fixed before the subgraphs start, which send it their events. */
export const CACHE_GATEWAY = "gateway-cache";

/** The gateway that runs each operation once through the recorder's proxies (not measured). */
export const RECORDING_GATEWAY = "recording-gateway";

/** What the subgraph processes are to the bench: a name, a pid for /proc, a URL beside which /metrics is. */
export type Measured = Pick<HubProcess, "name" | "pid" | "url">;

export interface Peers {
  /** Each gateway variant's process; hub-on is the hub's own gateway, passed in. */
  gateways: Record<GatewayVariant, Measured>;
  subgraphs: Measured[];
  metricsToken: string;
  /** Signs the floor's calls as the gateway does. */
  gatewayKey: KeyObject;
  /** The subgraph calls the hub gateway makes for one request, in stages (the floor replays them); throws when it made none. */
  record(body: string, bearer: string | null): Promise<Stage[]>;
  /** Stops the recorder's proxies (the processes are the caller's to stop). */
  close(): Promise<void>;
}

// @apollo/server's standalone server serves GraphQL on every path and nothing else: ready when it answers a query
const answersQuery: ReadyProbe = async (origin) => (await fetch(`${origin}/graphql`, { method: "POST", headers: readHeaders(null), body: '{"query":"{ __typename }"}' })).status === 200;

/**
 * Starts the peers beside a running hub gateway (`hubOn`, deduplication on). `gatewayEnv(dedupe)`: the hub
 * gateway's environment (secret, signing key, supergraph, subgraph URLs); every peer reads the same variables.
 * Each process is added to `processes` as soon as it runs, so that the caller stops it whatever happens next.
 */
export async function startPeers(options: {
  hubOn: Measured;
  subgraphs: Measured[];
  metricsToken: string;
  gatewayKey: KeyObject;
  gatewayEnv: (dedupe: "on" | "off") => Record<string, string>;
  subgraphUrls: Record<string, string>;
  processes: HubProcess[];
  /** The port of the hub-cache variant when the subgraphs were given it as GATEWAY_EVENTS_URL; else a free one. */
  cachePort?: number;
}): Promise<Peers> {
  const recorder = await startRecorder(options.subgraphUrls);
  const start = async (name: string, entry: string, env: Record<string, string>, ready?: ReadyProbe, port?: number) => {
    const started = await startHubProcess(name, entry, port ?? (await freePort()), env, { ready });
    options.processes.push(started);
    return started;
  };
  const proxied = Object.fromEntries(Object.entries(recorder.urls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]));
  try {
    const [hubOff, hubCache, stock, hiveOff, hiveOn, recording] = await Promise.all([
      start("gateway-dedupe-off", "gateway/main.js", options.gatewayEnv("off")),
      start(CACHE_GATEWAY, "gateway/main.js", { ...options.gatewayEnv("on"), HUB_RESPONSE_CACHE: "on" }, undefined, options.cachePort),
      start("stock-gateway", "scripts/bench/peers/stock-gateway.js", options.gatewayEnv("off"), answersQuery),
      start("hive-dedupe-off", "scripts/bench/peers/hive-gateway.js", options.gatewayEnv("off")),
      start("hive-dedupe-on", "scripts/bench/peers/hive-gateway.js", options.gatewayEnv("on")),
      start(RECORDING_GATEWAY, "gateway/main.js", { ...options.gatewayEnv("off"), ...proxied }),
    ]);
    return {
      gateways: { "hub-off": hubOff, "hub-on": options.hubOn, "hub-cache": hubCache, stock, "hive-off": hiveOff, "hive-on": hiveOn },
      subgraphs: options.subgraphs,
      metricsToken: options.metricsToken,
      gatewayKey: options.gatewayKey,
      async record(body, bearer) {
        recorder.take();
        const response = await fetch(recording.url, { method: "POST", headers: readHeaders(bearer), body });
        const answer = await response.text();
        const stages = recorder.take();
        if (response.status !== 200 || !stages.length) throw new Error(`the recording gateway answered ${response.status} after ${stages.length} calls: ${answer.slice(0, 300)}`);
        return stages;
      },
      close: () => recorder.close(),
    };
  } catch (error) {
    await recorder.close();
    throw error;
  }
}
