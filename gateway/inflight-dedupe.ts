import { createHash } from "node:crypto";
import { IDENTITY_HEADER } from "../platform/identity";
import { CACHE_TAGS_HEADER } from "../platform/public-facts";
import { subgraphFetchesShared } from "../platform/metrics";
import { bufferedResponse, SubgraphRequest, SubgraphResponse } from "./subgraph-client";

type Fetch = (input: string, init: SubgraphRequest) => Promise<SubgraphResponse>;

// the planner writes each fetch as `query …`, `mutation …` or a bare selection set `{ … }`
const READ = /^\s*(?:query\b|\{)/;

/**
 * In-flight deduplication of identical reads to one subgraph (issue 12): while a query with the same body AND the
 * same signed identity is on its way, a second caller waits for that answer instead of sending its own. The key
 * holds the identity because a subgraph decides masking by it: two callers who are not the same person, with the
 * same roles and scopes, never share an answer. Mutations are never shared. Each waiter gets its own copy of the
 * body, parsed by its own request, so nothing one request does to its result reaches another.
 */
export function dedupeInflightReads(subgraph: string, fetcher: Fetch): Fetch {
  // what a subgraph answered, kept only while identical requests wait for it
  const inflight = new Map<string, Promise<{ status: number; contentType: string | null; cacheTags: string | null; body: string }>>();
  const shared = subgraphFetchesShared.labels(subgraph);
  return async (input, init) => {
    if (init.method !== "POST" || !isRead(init.body)) return fetcher(input, init);
    const key = createHash("sha256").update(input).update("\0").update(init.headers[IDENTITY_HEADER] ?? "").update("\0").update(init.body).digest("base64url");
    let answer = inflight.get(key);
    if (answer) shared.inc();
    else {
      answer = fetcher(input, init).then(async (response) => ({
        status: response.status,
        contentType: response.headers.get("content-type"),
        cacheTags: response.headers.get(CACHE_TAGS_HEADER),
        body: await response.text(),
      }));
      inflight.set(key, answer);
      const forget = () => inflight.delete(key);
      answer.then(forget, forget);
    }
    const { status, contentType, cacheTags, body } = await answer;
    return bufferedResponse(input, status, { "content-type": contentType ?? undefined, [CACHE_TAGS_HEADER]: cacheTags ?? undefined }, body);
  };
}

/** Whether a GraphQL request body holds a query (read from its text: bodies with many representations are long). */
function isRead(body: string): boolean {
  const at = body.indexOf('"query":"');
  return at >= 0 && READ.test(body.slice(at + 9, at + 16));
}
