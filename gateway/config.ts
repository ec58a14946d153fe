import { z } from "zod";
import { ConfigError, describeIssues, identitySecret, logLevel, port, shutdownTimeoutMs } from "../platform/config";
import { TokenPolicy } from "./auth";
import { HARDENING_ENV, hardeningFrom, HardeningConfig } from "./hardening-config";
import { requireTokenKeys, TOKEN_ENV, tokenPolicyFrom } from "./token-config";

const url = z.url({ protocol: /^https?$/, error: "an http(s) URL, e.g. http://organizations:4001/graphql" });

/** Variables the gateway reads, with their expected forms (the README table is checked against this). */
export const GATEWAY_ENV = {
  PORT: port.default(4000).describe("port the gateway listens on"),
  HOST: z.string().min(1).default("127.0.0.1").describe("interface to listen on (0.0.0.0: every interface, as in docker-compose)"),
  NODE_ENV: z.string().optional().describe("production: no introspection, no development tools, no /metrics without HUB_METRICS_TOKEN"),
  HUB_JWT_SECRET: z.string().min(32, "at least 32 characters").optional().describe("HS256 secret that verifies callers' bearer tokens (this, HUB_JWKS_URL or both)"),
  ...TOKEN_ENV,
  HUB_IDENTITY_SECRET: identitySecret,
  SUPERGRAPH_PATH: z.string().min(1).default("schema/supergraph.graphql").describe("the composed supergraph the gateway serves"),
  ORGANIZATIONS_URL: url.optional().describe("organizations subgraph URL (default: the supergraph's, http://localhost:4001/graphql)"),
  ACADEMY_URL: url.optional().describe("academy subgraph URL (default http://localhost:4002/graphql)"),
  VENUES_URL: url.optional().describe("venues subgraph URL (default http://localhost:4003/graphql)"),
  FUNDING_URL: url.optional().describe("funding subgraph URL (default http://localhost:4004/graphql)"),
  LOG_LEVEL: logLevel,
  SHUTDOWN_TIMEOUT_MS: shutdownTimeoutMs,
  HUB_DEV_TOOLS: z
    .stringbool({ error: "on or off (also true/false, 1/0)" })
    .default(false)
    .describe("development tools: the GraphiQL explorer at /explorer, the partner page at /partner, dev tokens at /dev/token (loopback clients only); refused with NODE_ENV=production (npm start turns them on)"),
  ...HARDENING_ENV,
} as const;

// `when`: checked even when other variables are wrong, so that one start reports every problem
const gatewaySchema = z.object(GATEWAY_ENV).check(z.superRefine(requireTokenKeys, { when: () => true }));
const ORDER = Object.keys(GATEWAY_ENV);

export interface GatewayConfig extends HardeningConfig {
  port: number;
  host: string;
  /** HS256 secret of bearer tokens (and of dev tokens); optional when `tokens.jwksUrl` is set. */
  jwtSecret?: string;
  /** JWKS URL, issuer, audience, clock tolerance and maximum lifetime of bearer tokens (defaults in gateway/auth). */
  tokens?: TokenPolicy;
  identitySecret: string;
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
  if (!parsed.success) {
    parsed.error.issues.sort((a, b) => ORDER.indexOf(String(a.path[0])) - ORDER.indexOf(String(b.path[0]))); // in the README table's order
    throw new ConfigError(`Invalid environment for the gateway:\n${describeIssues(parsed.error)}`);
  }
  const v = parsed.data;
  const subgraphUrls: Record<string, string> = {};
  for (const [name, value] of Object.entries({ organizations: v.ORGANIZATIONS_URL, academy: v.ACADEMY_URL, venues: v.VENUES_URL, funding: v.FUNDING_URL })) {
    if (value) subgraphUrls[name] = value;
  }
  const production = v.NODE_ENV === "production";
  if (production && v.HUB_DEV_TOOLS) throw new ConfigError("Invalid environment for the gateway:\n  HUB_DEV_TOOLS: must be off with NODE_ENV=production (dev tokens would let anyone sign in as anyone)");
  return {
    port: v.PORT,
    host: v.HOST,
    jwtSecret: v.HUB_JWT_SECRET,
    tokens: tokenPolicyFrom(v),
    identitySecret: v.HUB_IDENTITY_SECRET,
    supergraphPath: v.SUPERGRAPH_PATH,
    subgraphUrls,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    devTools: v.HUB_DEV_TOOLS,
    ...hardeningFrom(v, production),
  };
}
