import { PUBLIC_MARK } from "../../platform/public-facts";

/** What the subgraph answers of one request said: whether each fetch was cacheable, and their tags. */
export interface CacheHints {
  cacheable: boolean;
  tags: Set<string>;
}

// by the request's context object, which the plugin and the data sources both see; only requests the cache may
// store are followed
const followed = new WeakMap<object, CacheHints>();

/** Starts collecting the subgraphs' hints for a request the cache may store. */
export function followHints(context: object): CacheHints {
  const hints: CacheHints = { cacheable: true, tags: new Set() };
  followed.set(context, hints);
  return hints;
}

/**
 * Called for each subgraph answer (gateway/signed-data-source): an answer without the subgraph's tags header was not
 * declared cacheable, so neither is the whole response.
 */
export function noteSubgraphAnswer(context: object, header: string | null): void {
  const hints = followed.get(context);
  if (!hints) return;
  const [mark, ...tags] = header?.split(" ") ?? [];
  if (mark !== PUBLIC_MARK) hints.cacheable = false;
  else for (const tag of tags) if (tag) hints.tags.add(tag);
}


