import { isIP } from "node:net";
import { z } from "zod";
import { KeyObject } from "node:crypto";
import { ConfigError, describeIssues, httpUrl, logLevel, port, serviceKeys, shutdownTimeoutMs, signingKey, workers } from "../platform/config";
import type { ResponseCacheConfig } from "./response-cache";
import { MAX_CACHE_TTL_SECONDS } from "../platform/public-facts";
import type { RateLimitConfig } from "./rate-limit";
import { TokenPolicy } from "./auth";
import { HARDENING_ENV, hardeningFrom, HardeningConfig } from "./hardening-config";
import { requireTokenKeys, TOKEN_ENV, tokenPolicyFrom } from "./token-config";
import { DEFAULT_LIMITS, LIMIT_VARIABLES, LimitName, QueryLimits } from "./limits";


const perWindow = "a whole number of requests from 1 to 1000000, e.g. 600";
const requests = z.coerce.number({ error: perWindow }).int(perWindow).min(1, perWindow).max(1_000_000, perWindow);
const windowSeconds = "a whole number of seconds from 1 to 86400, e.g. 60";

/** An IP address or a CIDR block (10.0.0.0/8, fd00::/8). */
const isAddressOrBlock = (entry: string) => {
  const [address, bits, extra] = entry.split("/");
  if (extra !== undefined || !isIP(address)) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
};
const addressList = (value: string) => value.split(",").map((entry) => entry.trim()).filter(Boolean);

/** The rate-limit variables: also read by the benchmark (rateLimitFromEnv). */
const RATE_LIMIT_ENV = {
  HUB_RATE_LIMIT: z
    .stringbool({ error: "on or off (also true/false, 1/0)" })
    .optional()
    .describe("rate limits per caller on /graphql (429 with Retry-After); unset: on when NODE_ENV=production, off otherwise (npm start and the benchmark keep them off unless this says on)"),
  HUB_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number({ error: windowSeconds }).int(windowSeconds).min(1, windowSeconds).max(86_400, windowSeconds).default(60).describe("length of the rate-limit window (s): each limit below counts the requests of one window"),
  HUB_RATE_LIMIT_ANONYMOUS: requests.default(600).describe("requests per window from one client address without a token (partner pages), or with a token that does not verify"),
  HUB_RATE_LIMIT_IDENTITY: requests.default(1200).describe("requests per window per signed-in caller (the token's subject; the token itself when it has none)"),
  HUB_RATE_LIMIT_SIGNED_IN_IP: requests
    .default(6000)
    .describe("requests per window from one client address with valid tokens, whoever holds them: looser than per identity, for an office behind one NAT"),
  HUB_TRUSTED_PROXIES: z
    .string()
    .refine((value) => addressList(value).every(isAddressOrBlock), "comma-separated IP addresses or CIDR blocks, e.g. 10.0.0.0/8,192.168.1.10")
    .optional()
    .describe("proxies in front of the gateway (IPs or CIDRs, comma-separated) whose X-Forwarded-For names the client: the right-most address not in this list; unset: the socket's address is the client's"),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "a redis:// or rediss:// URL, e.g. redis://redis:6379" })
    .optional()
    .describe("Redis shared by the gateway's replicas (rate-limit counters, automatic persisted queries, the response cache); unset: each process keeps them in its own memory"),
};

const ttlSeconds = `a whole number of seconds from 1 to ${MAX_CACHE_TTL_SECONDS}, e.g. 30`;
const entries = "a whole number of answers from 1 to 1000000, e.g. 10000";

/** The response cache of public reads (gateway/response-cache). */
const RESPONSE_CACHE_ENV = {
  HUB_RESPONSE_CACHE: z
    .stringbool({ error: "on or off (also true/false, 1/0)" })
    .default(true)
    .describe("anonymous and partner queries are answered from a cache of answers the subgraphs declared cacheable, cleared by the events of the facts they show; off: every request runs"),
  HUB_RESPONSE_CACHE_TTL_SECONDS: z.coerce
    .number({ error: ttlSeconds })
    .int(ttlSeconds)
    .min(1, ttlSeconds)
    .max(MAX_CACHE_TTL_SECONDS, ttlSeconds)
    .default(30)
    .describe("the longest a cached answer is served (s): how stale it can be when an event is late or its fact sends none"),
  HUB_RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number({ error: entries }).int(entries).min(1, entries).max(1_000_000, entries).default(10_000).describe("answers one gateway keeps in memory, least recently used dropped first (without REDIS_URL)"),
  HUB_SERVICE_PUBLIC_KEYS: serviceKeys
    .optional()
    .describe("public keys of the subgraphs whose events clear the response cache (organizations, venues), e.g. organizations:MCowBQ…,venues:MCowBQ…; they deliver to /internal/events (their GATEWAY_EVENTS_URL)"),
};

/** How long one subgraph call may take unless HUB_SUBGRAPH_TIMEOUT_MS says otherwise. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

/** Variables the gateway reads, with their expected forms (the README table is checked against this). */
export const GATEWAY_ENV = {
  PORT: port.default(4000).describe("port the gateway listens on"),
  HOST: z.string().min(1).default("127.0.0.1").describe("interface to listen on (0.0.0.0: every interface, as in docker-compose)"),
  NODE_ENV: z.string().optional().describe("production: no introspection, no \"Did you mean\" suggestions, no development tools, no /metrics without HUB_METRICS_TOKEN; rate limits and trusted documents on unless their variables say off"),
  HUB_JWT_SECRET: z.string().min(32, "at least 32 characters").optional().describe("HS256 secret that verifies callers' bearer tokens (this, HUB_JWKS_URL or both)"),
  ...TOKEN_ENV,
  HUB_GATEWAY_SIGNING_KEY: signingKey.describe("the gateway's Ed25519 private key (PEM, or base64 PKCS#8 DER) that signs every subgraph request; subgraphs hold its public key"),
  SUPERGRAPH_PATH: z.string().min(1).default("schema/supergraph.graphql").describe("the composed supergraph the gateway serves"),
  ORGANIZATIONS_URL: httpUrl.optional().describe("organizations subgraph URL (default: the supergraph's, http://localhost:4001/graphql)"),
  ACADEMY_URL: httpUrl.optional().describe("academy subgraph URL (default http://localhost:4002/graphql)"),
  VENUES_URL: httpUrl.optional().describe("venues subgraph URL (default http://localhost:4003/graphql)"),
  FUNDING_URL: httpUrl.optional().describe("funding subgraph URL (default http://localhost:4004/graphql)"),
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
    .describe("development tools: the GraphiQL explorer at /explorer, the partner page at /partner, dev tokens at /dev/token (loopback clients only); refused with NODE_ENV=production (npm start turns them on)"),
  ...HARDENING_ENV,
  ...RATE_LIMIT_ENV,
  ...limitVariables(),
  HUB_DEDUPE_READS: z
    .stringbool({ error: "on or off (also true/false, 1/0)" })
    .default(true)
    .describe("identical reads to a subgraph already on their way (same query, variables and signed identity) share one call; off: every request calls"),
  HUB_TRUSTED_DOCUMENTS: z
    .stringbool({ error: "on or off (also true/false, 1/0)" })
    .optional()
    .describe("anonymous and partner callers may run only the operations of dist/trusted-documents.json (staff may send any); default on when NODE_ENV=production, else off"),
  HUB_WORKERS: workers.describe(
    "processes that serve the gateway's port (node:cluster), forked by the first, which replaces any that dies; 1: this process serves. More than 1 with rate limits or the response cache on needs REDIS_URL",
  ),
  ...RESPONSE_CACHE_ENV,
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
  /** Signs every request to a subgraph (key id "gateway"). */
  signingKey: KeyObject;
  /** Bound on one subgraph call, body included; default 10 s. */
  subgraphTimeoutMs?: number;
  /** Identical in-flight reads (body and signed identity) share one subgraph call (gateway/inflight-dedupe.ts); default on. */
  dedupeReads?: boolean;
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
  /** Leaves "Did you mean …?" out of error messages (production). */
  hideSuggestions?: boolean;
  /** Rate limits on /graphql (gateway/rate-limit.ts); absent: none. */
  rateLimit?: RateLimitConfig;
  /** Shared state of the gateway's replicas (rate-limit counters); absent: in this process's memory. */
  redisUrl?: string;
  /** HUB_WORKERS: processes serving the port (platform/cluster); 1 serves in this one. */
  workers?: number;
  /** The cache of anonymous and partner answers (gateway/response-cache); absent: off. */
  responseCache?: ResponseCacheConfig;
  /** Public keys of the subgraphs whose events the gateway receives at /internal/events, by name. */
  producerKeys?: ReadonlyMap<string, KeyObject>;
}

type RateLimitEnv = z.infer<z.ZodObject<typeof RATE_LIMIT_ENV>>;

function rateLimitOf(v: RateLimitEnv, onByDefault: boolean): Pick<GatewayConfig, "rateLimit" | "redisUrl"> {
  const rateLimit = {
    windowSeconds: v.HUB_RATE_LIMIT_WINDOW_SECONDS,
    anonymousPerIp: v.HUB_RATE_LIMIT_ANONYMOUS,
    perIdentity: v.HUB_RATE_LIMIT_IDENTITY,
    signedInPerIp: v.HUB_RATE_LIMIT_SIGNED_IN_IP,
    trustedProxies: addressList(v.HUB_TRUSTED_PROXIES ?? ""),
  };
  return { rateLimit: (v.HUB_RATE_LIMIT ?? onByDefault) ? rateLimit : undefined, redisUrl: v.REDIS_URL };
}

/**
 * The rate limits for `npm start` and the benchmark: off unless HUB_RATE_LIMIT says on (whatever NODE_ENV is),
 * so that their measurements stay like for like with other gateways.
 */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv): Pick<GatewayConfig, "rateLimit" | "redisUrl"> {
  const parsed = z.object(RATE_LIMIT_ENV).safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid environment for the gateway:\n${describeIssues(parsed.error)}`);
  return rateLimitOf(parsed.data, false);
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
  const limited = rateLimitOf(v, production);
  if (v.HUB_WORKERS > 1 && limited.rateLimit && !limited.redisUrl) {
    throw new ConfigError("Invalid environment for the gateway:\n  HUB_WORKERS: more than 1 with rate limits on needs REDIS_URL: each worker would count in its own memory, multiplying every limit by the workers (or HUB_RATE_LIMIT=off)");
  }
  if (v.HUB_WORKERS > 1 && v.HUB_RESPONSE_CACHE && !limited.redisUrl) {
    throw new ConfigError(
      "Invalid environment for the gateway:\n  HUB_WORKERS: more than 1 with the response cache on needs REDIS_URL: an event clearing a cached answer reaches one worker, and the others' memory would serve it stale until its TTL (or HUB_RESPONSE_CACHE=off)",
    );
  }
  return {
    port: v.PORT,
    host: v.HOST,
    jwtSecret: v.HUB_JWT_SECRET,
    tokens: tokenPolicyFrom(v),
    signingKey: v.HUB_GATEWAY_SIGNING_KEY,
    subgraphTimeoutMs: v.HUB_SUBGRAPH_TIMEOUT_MS,
    dedupeReads: v.HUB_DEDUPE_READS,
    supergraphPath: v.SUPERGRAPH_PATH,
    subgraphUrls,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    devTools: v.HUB_DEV_TOOLS,
    ...hardeningFrom(v, production),
    ...limited,
    limits: limitsFrom(v),
    trustedDocuments: v.HUB_TRUSTED_DOCUMENTS ?? production,
    responseCache: v.HUB_RESPONSE_CACHE ? { ttlSeconds: v.HUB_RESPONSE_CACHE_TTL_SECONDS, maxEntries: v.HUB_RESPONSE_CACHE_MAX_ENTRIES } : undefined,
    producerKeys: v.HUB_SERVICE_PUBLIC_KEYS,
    hideSuggestions: production,
    workers: v.HUB_WORKERS,
  };
}
