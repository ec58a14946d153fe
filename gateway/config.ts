import { z } from "zod";
import { KeyObject } from "node:crypto";
import { ConfigError, describeIssues, logLevel, port, shutdownTimeoutMs, signingKey } from "../platform/config";

const url = z.url({ protocol: /^https?$/, error: "an http(s) URL, e.g. http://organizations:4001/graphql" });

/** How long one subgraph call may take unless HUB_SUBGRAPH_TIMEOUT_MS says otherwise. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

/** Variables the gateway reads, with their expected forms (the README table is checked against this). */
export const GATEWAY_ENV = {
  PORT: port.default(4000).describe("port the gateway listens on"),
  HOST: z.string().min(1).default("0.0.0.0").describe("interface to listen on"),
  HUB_JWT_SECRET: z.string().min(32, "at least 32 characters").describe("HS256 secret that verifies callers' bearer tokens"),
  HUB_GATEWAY_SIGNING_KEY: signingKey.describe("the gateway's Ed25519 private key (PEM, or base64 PKCS#8 DER) that signs every subgraph request; subgraphs hold its public key"),
  SUPERGRAPH_PATH: z.string().min(1).default("schema/supergraph.graphql").describe("the composed supergraph the gateway serves"),
  ORGANIZATIONS_URL: url.optional().describe("organizations subgraph URL (default: the supergraph's, http://localhost:4001/graphql)"),
  ACADEMY_URL: url.optional().describe("academy subgraph URL (default http://localhost:4002/graphql)"),
  VENUES_URL: url.optional().describe("venues subgraph URL (default http://localhost:4003/graphql)"),
  FUNDING_URL: url.optional().describe("funding subgraph URL (default http://localhost:4004/graphql)"),
  HUB_SUBGRAPH_TIMEOUT_MS: z.coerce
    .number({ error: "a whole number of milliseconds from 100 to 600000, e.g. 10000" })
    .int("a whole number of milliseconds from 100 to 600000, e.g. 10000")
    .min(100, "a whole number of milliseconds from 100 to 600000, e.g. 10000")
    .max(600_000, "a whole number of milliseconds from 100 to 600000, e.g. 10000")
    .default(DEFAULT_SUBGRAPH_TIMEOUT_MS)
    .describe("how long one subgraph call may take, response body included, before its part of the answer is SUBGRAPH_UNAVAILABLE (ms)"),
  LOG_LEVEL: logLevel,
  SHUTDOWN_TIMEOUT_MS: shutdownTimeoutMs,
  HUB_DEV_TOOLS: z
    .stringbool({ error: "on or off (also true/false, 1/0)" })
    .default(false)
    .describe("development tools: the GraphiQL explorer at /explorer, the partner page at /partner, dev tokens at /dev/token; never in production (npm start turns them on)"),
} as const;

const gatewaySchema = z.object(GATEWAY_ENV);

export interface GatewayConfig {
  port: number;
  host: string;
  jwtSecret: string;
  /** Signs every request to a subgraph (key id "gateway"). */
  signingKey: KeyObject;
  /** Bound on one subgraph call, body included; default 10 s. */
  subgraphTimeoutMs?: number;
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name; others keep the supergraph's URL. */
  subgraphUrls: Record<string, string>;
  /** On SIGTERM, how long in-flight requests may still run (gateway/main.ts); default 10 s. */
  shutdownTimeoutMs?: number;
  /** Serves the development routes (gateway/dev-routes.ts): the explorer, the partner page and dev tokens. */
  devTools?: boolean;
  /** Where the web bundles are (default dist/web); tests build their own. */
  webDir?: string;
}

/** Parses the gateway's environment, reporting every bad variable at once. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const parsed = gatewaySchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid environment for the gateway:\n${describeIssues(parsed.error)}`);
  const v = parsed.data;
  const subgraphUrls: Record<string, string> = {};
  for (const [name, value] of Object.entries({ organizations: v.ORGANIZATIONS_URL, academy: v.ACADEMY_URL, venues: v.VENUES_URL, funding: v.FUNDING_URL })) {
    if (value) subgraphUrls[name] = value;
  }
  return { port: v.PORT, host: v.HOST, jwtSecret: v.HUB_JWT_SECRET, signingKey: v.HUB_GATEWAY_SIGNING_KEY, subgraphTimeoutMs: v.HUB_SUBGRAPH_TIMEOUT_MS, supergraphPath: v.SUPERGRAPH_PATH, subgraphUrls, shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS, devTools: v.HUB_DEV_TOOLS };
}
