import { createHash } from "node:crypto";
import { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";
import { GraphQLError } from "graphql";
import { Redis } from "ioredis";
import { IRateLimiterOptions, RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { Claims } from "../platform/identity";
import { log } from "../platform/log";
import { rateLimitRefusals, rateLimitStoreFallbacks } from "../platform/metrics";

/** The gateway's rate limits: requests per fixed window of `windowSeconds`, per bucket. */
export interface RateLimitConfig {
  windowSeconds: number;
  /** Callers without a (valid) token, per client address. */
  anonymousPerIp: number;
  /** Signed-in callers, per identity (the token's subject, or a hash of the token without one). */
  perIdentity: number;
  /** Signed-in callers, per client address whatever identity they hold: looser, for many people behind one NAT. */
  signedInPerIp: number;
  /** Proxies (IPs or CIDRs) whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  /** Prefix of the counters' keys in Redis (default `hub:rl`): tests and hubs sharing one Redis keep apart. */
  keyPrefix?: string;
}

type Limit = "anonymous" | "identity" | "signed_in_ip";

/** Counts each /graphql request before anything else runs on it; `close` releases the Redis connection. */
export interface RateLimit {
  /** Throws RATE_LIMITED (HTTP 429 with Retry-After) when a limit the request counts against is spent. */
  admit(request: IncomingMessage, identity: Promise<string | null>): Promise<void>;
  close(): Promise<void>;
}

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;
const normalize = (address: string) => (IPV4_MAPPED.exec(address)?.[1] ?? address).toLowerCase().slice(0, 64);
const family = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");

/** The trusted proxies as a node:net BlockList (it matches IPv4-mapped IPv6 addresses too). */
export function proxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split("/");
    if (bits === undefined) list.addAddress(address, family(address));
    else list.addSubnet(address, Number(bits), family(address));
  }
  return list;
}

const trusted = (proxies: BlockList, address: string) => isIP(address) !== 0 && proxies.check(address, family(address));

/**
 * The client's address: the socket's, unless it is a trusted proxy; then the right-most X-Forwarded-For entry
 * that is not a trusted proxy. Entries left of it are whatever the client wrote, so they are never believed.
 */
export function clientAddress(request: IncomingMessage, proxies: BlockList): string {
  let client = normalize(request.socket.remoteAddress ?? "unknown");
  if (!trusted(proxies, client)) return client;
  // node joins repeated X-Forwarded-For headers with ", " in arrival order
  const chain = String(request.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((entry) => normalize(entry.trim()))
    .filter(Boolean);
  for (let hop = chain.length - 1; hop >= 0 && trusted(proxies, client); hop--) client = chain[hop];
  return client;
}

/**
 * Who a request counts as: null for anonymous callers and for a token that does not verify (those count against
 * the address, so a flood of bad tokens is limited too); else the verified token's subject, or the token's hash.
 */
export async function identityKey(authorization: string | undefined, claims: Promise<Claims>): Promise<string | null> {
  if (!authorization) return null;
  try {
    const { personId } = await claims;
    return personId ? `sub:${personId}` : `token:${createHash("sha256").update(authorization).digest("base64url")}`;
  } catch {
    return null;
  }
}

/** `compute` once per request, however many times it is asked for (the claims: rate limit, then context). */
export function oncePerRequest<T>(compute: (request: IncomingMessage) => T): (request: IncomingMessage) => T {
  const results = new WeakMap<IncomingMessage, T>();
  return (request) => {
    if (!results.has(request)) results.set(request, compute(request));
    return results.get(request)!;
  };
}

function refusal(limit: Limit, msBeforeNext: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const whose = limit === "identity" ? "for this sign-in" : "from this address";
  return new GraphQLError(`Too many requests ${whose}; retry in ${seconds} s.`, {
    extensions: { code: "RATE_LIMITED", retryAfterSeconds: seconds, http: { status: 429, headers: new Map([["retry-after", String(seconds)]]) } },
  });
}

type StoreWatch = ReturnType<typeof storeWatch>;

/** Warns at most once a minute while Redis is down, and says when the replicas share their counters again. */
function storeWatch() {
  let warnedAt = 0;
  return {
    down(error?: Error) {
      if (Date.now() - warnedAt < 60_000) return;
      warnedAt = Date.now();
      log.warn({ reason: error?.message }, "rate limits: Redis does not answer; each gateway replica counts in its own memory until it is back");
    },
    up() {
      if (warnedAt) log.info("rate limits: Redis answers again; the replicas share their counters");
      warnedAt = 0;
    },
  };
}

/** The Redis limiter's insurance: the library calls it only when Redis failed, so each call counts and warns. */
class MemoryFallback extends RateLimiterMemory {
  constructor(
    options: IRateLimiterOptions,
    private readonly watch: StoreWatch,
  ) {
    super(options);
  }

  consume(key: string | number, points?: number, options?: Record<string, unknown>): Promise<RateLimiterRes> {
    rateLimitStoreFallbacks.inc();
    this.watch.down();
    return super.consume(key, points, options);
  }
}

async function connectRedis(url: string, watch: StoreWatch): Promise<Redis> {
  // No offline queue and a command timeout: while Redis is down or slow a count fails at once and falls back to
  // memory, instead of holding the request; ioredis keeps reconnecting in the background.
  // (a short disconnectTimeout: closing a connection that is already down would otherwise hold the process 2 s)
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, commandTimeout: 500, connectTimeout: 2000, maxRetriesPerRequest: 1, disconnectTimeout: 200 });
  redis.on("error", (error: Error) => watch.down(error));
  redis.on("ready", () => watch.up());
  await redis.connect().catch(() => undefined); // the gateway starts without Redis: requests are served meanwhile
  return redis;
}

/**
 * The rate limits, in memory, or in Redis when `redisUrl` is set so that all replicas share the counts. While
 * Redis does not answer, each replica counts in its own memory (the library's insurance limiter): the hub stays
 * available and a caller still meets the limits, at worst once per replica, and a warning is logged.
 */
export async function createRateLimit(config: RateLimitConfig, redisUrl?: string): Promise<RateLimit> {
  const watch = storeWatch();
  const redis = redisUrl ? await connectRedis(redisUrl, watch) : null;
  const proxies = proxyList(config.trustedProxies);
  const prefix = config.keyPrefix ?? "hub:rl";

  const limiter = (name: Limit, points: number): RateLimiterAbstract => {
    const options: IRateLimiterOptions = { keyPrefix: `${prefix}:${name}`, points, duration: config.windowSeconds };
    if (!redis) return new RateLimiterMemory(options);
    // a key past its limit is then refused from memory until its window ends: a flood costs Redis nothing
    const inMemoryBlockOnConsumed = points + 1;
    return new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, inMemoryBlockOnConsumed, insuranceLimiter: new MemoryFallback(options, watch) });
  };
  const limits: Record<Limit, RateLimiterAbstract> = {
    anonymous: limiter("anonymous", config.anonymousPerIp),
    identity: limiter("identity", config.perIdentity),
    signed_in_ip: limiter("signed_in_ip", config.signedInPerIp),
  };

  const count = (limit: Limit, key: string): Promise<{ limit: Limit; msBeforeNext: number } | null> =>
    limits[limit].consume(key).then(
      () => null,
      (outcome: unknown) => {
        if (outcome instanceof RateLimiterRes) return { limit, msBeforeNext: outcome.msBeforeNext };
        log.warn({ err: outcome }, "rate limits: a count failed; the request is let through");
        return null;
      },
    );

  return {
    async admit(request, identity) {
      // a browser sends CORS preflights on its own and they run nothing: counting them would halve a page's budget
      if (request.method === "OPTIONS") return;
      const address = clientAddress(request, proxies);
      const who = await identity;
      const spent = (await Promise.all(who === null ? [count("anonymous", address)] : [count("identity", who), count("signed_in_ip", address)])).filter((s) => s !== null);
      if (spent.length === 0) return;
      const longest = spent.reduce((a, b) => (b.msBeforeNext > a.msBeforeNext ? b : a));
      for (const { limit } of spent) rateLimitRefusals.inc({ limit });
      throw refusal(longest.limit, longest.msBeforeNext);
    },
    async close() {
      if (redis?.status === "ready") await redis.quit().catch(() => redis.disconnect());
      else redis?.disconnect();
    },
  };
}
