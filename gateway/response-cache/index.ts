import { KeyObject } from "node:crypto";
import { ApolloServerPlugin } from "@apollo/server";
import { PostRoute } from "../../platform/http";
import { MemoryNonceStore } from "../../platform/nonce-store";
import type { GatewayContext } from "../signed-data-source";
import { EVENTS_PATH, eventsRoute } from "./events-route";
import { responseCachePlugin } from "./plugin";
import { redisStore } from "./redis-store";
import { memoryStore, ResponseStore } from "./store";

export { CACHE_STATUS_HEADER } from "./plugin";
export { EVENTS_PATH } from "./events-route";
export { noteSubgraphAnswer } from "./hints";

/** How the response cache behaves (HUB_RESPONSE_CACHE_*): the TTL bounds how stale an answer can be. */
export interface ResponseCacheConfig {
  ttlSeconds: number;
  /** Answers one gateway keeps in memory (without Redis). */
  maxEntries: number;
  /** Prefix of its Redis keys; default "hub:rc:". */
  keyPrefix?: string;
}

export interface ResponseCache {
  plugins: ApolloServerPlugin<GatewayContext>[];
  postRoutes: Record<string, PostRoute>;
  close(): Promise<void>;
}

/**
 * The gateway's cache of public reads (issue 12, point 5): in memory, or in Redis when `redisUrl` is set (shared by
 * replicas); `config` absent: off. The event receiver is served whenever producers' keys are known, so producers'
 * events are acknowledged (and clear nothing) while the cache is off.
 */
export function responseCache(config: ResponseCacheConfig | undefined, redisUrl: string | undefined, producerKeys: ReadonlyMap<string, KeyObject>): ResponseCache {
  const ttlMs = (config?.ttlSeconds ?? 0) * 1000;
  const store: ResponseStore | null = !config ? null : redisUrl ? redisStore(redisUrl, config.keyPrefix ?? "hub:rc:", ttlMs) : memoryStore(ttlMs, config.maxEntries);
  // a replayed delivery only clears the same tags again, so one replica's memory is enough for the replay check
  const nonces = new MemoryNonceStore();
  const invalidate = async (tags: readonly string[]) => (store ? store.invalidate(tags) : 0);
  return {
    plugins: store ? [responseCachePlugin(store)] : [],
    postRoutes: producerKeys.size ? { [EVENTS_PATH]: eventsRoute(producerKeys, nonces, invalidate) } : {},
    async close() {
      await store?.close();
      await nonces.close();
    },
  };
}
