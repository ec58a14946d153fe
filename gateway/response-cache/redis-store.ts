import Redis from "ioredis";
import { log } from "../../platform/log";
import { ResponseStore } from "./store";

// Keys under the prefix: e:<key> an answer, t:<tag> the set of answer keys carrying the tag, c:<tag> when the tag
// was last cleared (ms). Both scripts run atomically, so an answer is never stored beside a clearing it missed.
// They touch keys they compute, so the store needs one Redis (or one slot), not a cluster.

const SET = `
local prefix, since = ARGV[3], tonumber(ARGV[4])
for i = 5, #ARGV do
  local cleared = redis.call('GET', prefix .. 'c:' .. ARGV[i])
  if cleared and tonumber(cleared) >= since then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
for i = 5, #ARGV do
  local tag = prefix .. 't:' .. ARGV[i]
  redis.call('SADD', tag, KEYS[1])
  redis.call('PEXPIRE', tag, ARGV[2])
end
return 1`;

const INVALIDATE = `
local prefix, dropped = ARGV[3], 0
for i = 4, #ARGV do
  local tag = prefix .. 't:' .. ARGV[i]
  for _, key in ipairs(redis.call('SMEMBERS', tag)) do dropped = dropped + redis.call('DEL', key) end
  redis.call('DEL', tag)
  redis.call('SET', prefix .. 'c:' .. ARGV[i], ARGV[1], 'PX', ARGV[2])
end
return dropped`;

/** How often at most a Redis that does not answer is logged (reads then miss, stores are skipped). */
const WARN_EVERY_MS = 60_000;

/**
 * Answers in Redis, shared by every gateway replica. A Redis that does not answer costs hits only: reads miss and
 * answers are not stored; a clearing that fails is an error, so the producer's relay retries the event.
 */
export function redisStore(url: string, prefix: string, ttlMs: number): ResponseStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500 });
  let warnedAt = 0;
  const warn = (error: unknown, what: string) => {
    if (Date.now() - warnedAt < WARN_EVERY_MS) return;
    warnedAt = Date.now();
    log.warn({ err: error }, `response cache: Redis did not answer; ${what}`);
  };
  redis.on("error", (error) => warn(error, "reconnecting"));
  return {
    async get(key) {
      try {
        return (await redis.get(`${prefix}e:${key}`)) ?? undefined;
      } catch (error) {
        warn(error, "serving without the cache");
        return undefined;
      }
    },
    async set(key, body, tags, since) {
      if (Date.now() - since >= ttlMs) return false;
      try {
        return (await redis.eval(SET, 1, `${prefix}e:${key}`, body, ttlMs, prefix, since, ...tags)) === 1;
      } catch (error) {
        warn(error, "answers are not stored");
        return false;
      }
    },
    async invalidate(tags) {
      return Number(await redis.eval(INVALIDATE, 0, Date.now(), ttlMs, prefix, ...tags));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
