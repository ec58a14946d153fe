/**
 * Where cached answers live: by key, each with the tags of the facts it shows and a TTL. `set` refuses an answer
 * whose computation began (`since`, ms) before one of its tags was last cleared: it may show the old fact.
 */
export interface ResponseStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, body: string, tags: readonly string[], since: number): Promise<boolean>;
  /** Drops every answer carrying one of `tags`; the number dropped. */
  invalidate(tags: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

interface Entry {
  body: string;
  tags: readonly string[];
  expiresAt: number;
}

/** One gateway's own store: at most `maxEntries` answers, the least recently used dropped first. */
export function memoryStore(ttlMs: number, maxEntries: number): ResponseStore {
  const entries = new Map<string, Entry>();
  const byTag = new Map<string, Set<string>>();
  // when each tag was last cleared, in clearing order; kept as long as an answer begun before could still be stored
  const clearedAt = new Map<string, number>();
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    for (const tag of entry.tags) {
      const keys = byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) byTag.delete(tag);
    }
    return true;
  };
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= Date.now()) return void drop(key);
      entries.delete(key);
      entries.set(key, entry);
      return entry.body;
    },
    async set(key, body, tags, since) {
      const at = Date.now();
      if (at - since >= ttlMs || tags.some((tag) => (clearedAt.get(tag) ?? -Infinity) >= since)) return false;
      drop(key);
      entries.set(key, { body, tags, expiresAt: at + ttlMs });
      for (const tag of tags) (byTag.get(tag) ?? byTag.set(tag, new Set()).get(tag)!).add(key);
      while (entries.size > maxEntries) drop(entries.keys().next().value!);
      return true;
    },
    async invalidate(tags) {
      const at = Date.now();
      let dropped = 0;
      for (const tag of tags) {
        for (const key of [...(byTag.get(tag) ?? [])]) if (drop(key)) dropped++;
        clearedAt.delete(tag);
        clearedAt.set(tag, at);
      }
      for (const [tag, when] of clearedAt) {
        if (at - when < ttlMs) break;
        clearedAt.delete(tag);
      }
      return dropped;
    },
    async close() {
      entries.clear();
      byTag.clear();
    },
  };
}
