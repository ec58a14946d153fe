import { ApolloServerPlugin } from "@apollo/server";
import Redis from "ioredis";
import { log } from "../platform/log";

// The cache behind Apollo Server's automatic persisted queries (APQ): documents by their sha256 hash. Apollo
// prefixes its keys ("apq:<hash>"). The shipped trusted documents are always found, so a partner may send their
// hashes alone; other documents are registered by the first request that sends the text with its hash.

/** Apollo's KeyValueCache, as far as APQ uses it. */
export interface DocumentCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/** How long a registered document stays in Redis: a client whose hash was forgotten simply sends the text again. */
const REDIS_TTL_SECONDS = 24 * 60 * 60;

/** How many registered documents memory keeps, dropping the least recently used. */
const MEMORY_ENTRIES = 5_000;

/** A bounded least-recently-used map in memory: one gateway's own. */
function memoryCache(): DocumentCache {
  const entries = new Map<string, string>();
  return {
    async get(key) {
      const value = entries.get(key);
      if (value !== undefined) entries.delete(key), entries.set(key, value);
      return value;
    },
    async set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > MEMORY_ENTRIES) entries.delete(entries.keys().next().value!);
    },
    async delete(key) {
      return entries.delete(key);
    },
  };
}

/** Redis, shared by every gateway replica. A Redis that cannot answer loses only the cache: clients resend the text. */
function redisCache(redis: Redis): DocumentCache {
  return {
    async get(key) {
      try {
        return (await redis.get(key)) ?? undefined;
      } catch (error) {
        log.warn({ err: error }, "APQ cache: Redis did not answer; treating the document as not registered");
        return undefined;
      }
    },
    async set(key, value, options) {
      await redis.set(key, value, "EX", options?.ttl ?? REDIS_TTL_SECONDS);
    },
    async delete(key) {
      return (await redis.del(key)) > 0;
    },
  };
}

const APQ_FIXES: Record<string, string> = {
  "provided sha does not match query": "The persistedQuery extension's sha256Hash is not the SHA-256 of the query: send the hex SHA-256 of the exact query text.",
  "Unsupported persisted query version": "Only version 1 of the persistedQuery extension is supported: send { version: 1, sha256Hash }.",
};

/** The APQ cache: the manifest's documents first, then memory or (with `redisUrl`) Redis; the plugin closes Redis. */
export function apqCache<C extends object>(trusted: Map<string, string> | null, redisUrl?: string): { cache: DocumentCache; plugin: ApolloServerPlugin<C> } {
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1 }) : null;
  redis?.on("error", (error) => log.warn({ err: error }, "APQ cache: Redis connection error"));
  const store = redis ? redisCache(redis) : memoryCache();
  const cache: DocumentCache = {
    async get(key) {
      return trusted?.get(key.slice(key.lastIndexOf(":") + 1)) ?? store.get(key);
    },
    set: (key, value, options) => store.set(key, value, options),
    delete: (key) => store.delete(key),
  };
  const plugin: ApolloServerPlugin<C> = {
    // Apollo's own APQ refusals carry no code, so the hub would mask them as internal errors: say what to fix
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const fix = error.extensions.code ? undefined : APQ_FIXES[error.message];
            if (fix) Object.assign(error, { message: fix }).extensions.code = "BAD_REQUEST";
          }
        },
      };
    },
    async serverWillStart() {
      return {
        async serverWillStop() {
          await redis?.quit().catch(() => redis.disconnect());
        },
      };
    },
  };
  return { cache, plugin };
}
