import { z } from "zod";
import { ConfigError, describeIssues, identitySecret, logLevel, port, shutdownTimeoutMs } from "../platform/config";
import { DEFAULT_LIMITS, LIMIT_VARIABLES, LimitName, QueryLimits } from "./limits";

const url = z.url({ protocol: /^https?$/, error: "an http(s) URL, e.g. http://organizations:4001/graphql" });

/** Variables the gateway reads, with their expected forms (the README table is checked against this). */
export const GATEWAY_ENV = {
  PORT: port.default(4000).describe("port the gateway listens on"),
  HOST: z.string().min(1).default("0.0.0.0").describe("interface to listen on"),
  HUB_JWT_SECRET: z.string().min(32, "at least 32 characters").describe("HS256 secret that verifies callers' bearer tokens"),
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
    .describe("development tools: the GraphiQL explorer at /explorer, the partner page at /partner, dev tokens at /dev/token; never in production (npm start turns them on)"),
  NODE_ENV: z.string().optional().describe("production turns on trusted documents (unless HUB_TRUSTED_DOCUMENTS says off) and hides \"Did you mean\" suggestions in errors"),
  ...limitVariables(),
  HUB_TRUSTED_DOCUMENTS: z
    .stringbool({ error: "on or off (also true/false, 1/0)" })
    .optional()
    .describe("anonymous and partner callers may run only the operations of dist/trusted-documents.json (staff may send any); default on when NODE_ENV=production, else off"),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "a redis:// URL, e.g. redis://127.0.0.1:6379" }).optional().describe("Redis that holds the automatic persisted queries (APQ) shared by gateway replicas; unset: in memory"),
} as const;

/** One variable per limit (gateway/limits.ts): "public/staff", or one number for both. */
function limitVariables() {
  const what: Record<LimitName, string> = {
    depth: "deepest nesting of fields",
    aliases: "aliases per operation",
    directives: "directives per operation",
    tokens: "lexical tokens per document",
    cost: "cost per operation: objects it may return, lists weighted by page size (first/last/limit, else 10)",
    subgraphFetches: "fetches from any one subgraph per request",
  };
  return Object.fromEntries(
    (Object.keys(LIMIT_VARIABLES) as LimitName[]).map((name) => [
      LIMIT_VARIABLES[name],
      z
        .string()
        .regex(/^\d+(\/\d+)?$/, "a number, or two as public/staff, e.g. 10/16")
        .default(`${DEFAULT_LIMITS.public[name]}/${DEFAULT_LIMITS.staff[name]}`)
        .describe(`${what[name]}, for anonymous and partner callers / for signed-in staff (OPERATION_TOO_COMPLEX above it)`),
    ]),
  ) as Record<(typeof LIMIT_VARIABLES)[LimitName], z.ZodDefault<z.ZodString>>;
}

/** The limits the LIMIT_VARIABLES set. */
function limitsFrom(env: Record<string, unknown>): QueryLimits {
  const limits: QueryLimits = { public: { ...DEFAULT_LIMITS.public }, staff: { ...DEFAULT_LIMITS.staff } };
  for (const name of Object.keys(LIMIT_VARIABLES) as LimitName[]) {
    const [publicMax, staffMax = publicMax] = String(env[LIMIT_VARIABLES[name]]).split("/").map(Number);
    limits.public[name] = publicMax;
    limits.staff[name] = staffMax;
  }
  return limits;
}

const gatewaySchema = z.object(GATEWAY_ENV);

export interface GatewayConfig {
  port: number;
  host: string;
  jwtSecret: string;
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
  /** Query limits per tier of caller (gateway/limits.ts); default DEFAULT_LIMITS. */
  limits?: QueryLimits;
  /** Anonymous and partner callers may run only the manifest's operations (gateway/trusted-documents.ts). */
  trustedDocuments?: boolean;
  /** The manifest of trusted documents (default dist/trusted-documents.json, written by npm run build). */
  trustedDocumentsPath?: string;
  /** Redis for the APQ cache; unset: in memory. */
  redisUrl?: string;
  /** Leaves "Did you mean …?" out of error messages (production). */
  hideSuggestions?: boolean;
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
  const production = v.NODE_ENV === "production";
  return {
    port: v.PORT,
    host: v.HOST,
    jwtSecret: v.HUB_JWT_SECRET,
    identitySecret: v.HUB_IDENTITY_SECRET,
    supergraphPath: v.SUPERGRAPH_PATH,
    subgraphUrls,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    devTools: v.HUB_DEV_TOOLS,
    limits: limitsFrom(v),
    trustedDocuments: v.HUB_TRUSTED_DOCUMENTS ?? production,
    redisUrl: v.REDIS_URL,
    hideSuggestions: production,
  };
}
