import { GraphQLError } from "graphql";
import Redis from "ioredis";
import { log } from "./log";

/** Remembers signature nonces until their signature is stale, so that a signed request runs at most once. */
export interface NonceStore {
  /** True the first time `nonce` is seen; false while it is remembered (until `freshUntil`, ms since the epoch). */
  firstSeen(nonce: string, freshUntil: number): Promise<boolean>;
  close(): Promise<void>;
}

/** A request could not be checked for replay: answered 503, so the gateway reports the subgraph as unavailable. */
function replayCheckUnavailable(reason: string): GraphQLError {
  return new GraphQLError(`The replay check is unavailable (${reason}); try again in a moment.`, { extensions: { code: "INTERNAL_SERVER_ERROR", http: { status: 503 } } });
}

/**
 * One process's nonces in a Map, dropped when stale. Bounded: when `maxEntries` live nonces are remembered,
 * new requests are refused (503) rather than forgetting a nonce that could then be replayed. A bound of a million
 * (about 100 MB) holds two minutes of traffic at 8,000 signed requests a second.
 */
export class MemoryNonceStore implements NonceStore {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxEntries = 1_000_000) {}

  async firstSeen(nonce: string, freshUntil: number): Promise<boolean> {
    const now = Date.now();
    const known = this.seen.get(nonce);
    if (known !== undefined && known > now) return false;
    // nonces arrive roughly in expiry order: drop stale ones from the oldest end
    for (const [oldest, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(oldest);
    }
    if (this.seen.size >= this.maxEntries) {
      for (const [key, until] of this.seen) if (until <= now) this.seen.delete(key);
      if (this.seen.size >= this.maxEntries) throw replayCheckUnavailable("too many requests in the signature window");
    }
    this.seen.set(nonce, freshUntil);
    return true;
  }

  async close(): Promise<void> {
    this.seen.clear();
  }
}

/** Nonces in Redis (`SET key 1 NX PX ttl`), so that every replica of a subgraph refuses a nonce any of them saw. */
export class RedisNonceStore implements NonceStore {
  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** Connects first, so a wrong REDIS_URL stops the start instead of failing every request. */
  static async connect(url: string, prefix: string): Promise<RedisNonceStore> {
    // a Redis outage fails a request within a second instead of queueing it
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, commandTimeout: 1000 });
    redis.on("error", () => undefined); // reported per request (503); ioredis reconnects by itself
    await redis.connect();
    return new RedisNonceStore(redis, prefix);
  }

  async firstSeen(nonce: string, freshUntil: number): Promise<boolean> {
    const ttl = Math.max(1, freshUntil - Date.now());
    try {
      return (await this.redis.set(`${this.prefix}nonce:${nonce}`, "1", "PX", ttl, "NX")) === "OK";
    } catch (error) {
      log.warn({ err: error }, "the replay check could not reach Redis");
      throw replayCheckUnavailable("the shared nonce store does not answer");
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
