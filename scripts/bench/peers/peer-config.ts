import { readFileSync } from "node:fs";
import { KeyObject } from "node:crypto";
import { z } from "zod";
import { GATEWAY_ENV } from "../../../gateway/config";
import { ConfigError, describeIssues } from "../../../platform/config";

// What a peer gateway of the bench (stock @apollo/gateway, Hive Gateway) reads from its environment: the hub
// gateway's own variables for the same things, so the bench starts every gateway with one set of env.

const PEER_ENV = z.object({
  PORT: GATEWAY_ENV.PORT,
  HOST: GATEWAY_ENV.HOST,
  HUB_JWT_SECRET: GATEWAY_ENV.HUB_JWT_SECRET.unwrap(),
  HUB_GATEWAY_SIGNING_KEY: GATEWAY_ENV.HUB_GATEWAY_SIGNING_KEY,
  SUPERGRAPH_PATH: GATEWAY_ENV.SUPERGRAPH_PATH,
  ORGANIZATIONS_URL: GATEWAY_ENV.ORGANIZATIONS_URL,
  ACADEMY_URL: GATEWAY_ENV.ACADEMY_URL,
  VENUES_URL: GATEWAY_ENV.VENUES_URL,
  FUNDING_URL: GATEWAY_ENV.FUNDING_URL,
  HUB_DEDUPE_READS: GATEWAY_ENV.HUB_DEDUPE_READS,
});

export interface PeerConfig {
  port: number;
  host: string;
  jwtSecret: string;
  signingKey: KeyObject;
  /** The supergraph with each subgraph's URL as this run's env gives it. */
  supergraphSdl: string;
  /** Subgraph name → URL. */
  urls: Record<string, string>;
  /** The peer's own in-flight deduplication of subgraph reads (Hive Gateway only; stock Apollo has none). */
  dedupe: boolean;
}

const JOIN_GRAPH = /join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g;

export function loadPeerConfig(env: NodeJS.ProcessEnv): PeerConfig {
  const parsed = PEER_ENV.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  const values = parsed.data;
  const overrides: Record<string, string | undefined> = { organizations: values.ORGANIZATIONS_URL, academy: values.ACADEMY_URL, venues: values.VENUES_URL, funding: values.FUNDING_URL };
  const urls: Record<string, string> = {};
  const supergraphSdl = readFileSync(values.SUPERGRAPH_PATH, "utf8").replace(JOIN_GRAPH, (_all, name: string, url: string) => {
    urls[name] = overrides[name] ?? url;
    return `join__graph(name: "${name}", url: "${urls[name]}")`;
  });
  return { port: values.PORT, host: values.HOST, jwtSecret: values.HUB_JWT_SECRET, signingKey: values.HUB_GATEWAY_SIGNING_KEY, supergraphSdl, urls, dedupe: values.HUB_DEDUPE_READS };
}

/** Runs a peer's start-up; a bad environment exits 2 with the message, anything else 1. */
export function runPeer(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  });
}
