import { createHash } from "node:crypto";
import { ApolloServerPlugin } from "@apollo/server";
import { encodeClaims } from "../../platform/identity";
import { operationLabel } from "../../platform/metrics";
import { isPublicView } from "../../platform/public-facts";
import type { GatewayContext } from "../signed-data-source";
import { CacheHints, followHints } from "./hints";
import { cacheHits, cacheMisses, cacheStores } from "./metrics";
import { ResponseStore } from "./store";

/** The response header that says whether the answer came from the cache (`hit`) or ran (`miss`). */
export const CACHE_STATUS_HEADER = "x-hub-cache";

/**
 * Serves anonymous and partner queries from `store` (issue 12, point 5). The key is the document's hash, the
 * operation name, the variables and the caller's view: every anonymous caller shares one view; a partner's is its
 * whole signed identity, so partners share only when their claims are the same. Anyone with a person (leaders,
 * staff, admins) or a service is never looked up nor stored. An answer is stored only when it has no errors and every
 * subgraph fetch of its plan was declared cacheable by its subgraph, under the union of their tags.
 */
export function responseCachePlugin(store: ResponseStore): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const { claims } = contextValue;
      if (!isPublicView(claims)) return {};
      const view = claims.roles.length === 0 ? "anonymous" : `partner:${encodeClaims(claims)}`;
      let pending: { key: string; since: number; operation: string; hints: CacheHints } | null = null;
      return {
        async responseForOperation({ operation, operationName, queryHash, request, response, contextValue: context }) {
          if (operation.operation !== "query") return null;
          const key = createHash("sha256")
            .update(JSON.stringify([queryHash, operationName ?? null, request.variables ?? {}, view]))
            .digest("base64url");
          const label = operationLabel(operationName);
          const since = Date.now();
          const cached = await store.get(key);
          if (cached !== undefined) {
            cacheHits.labels(label).inc();
            response.http.headers.set(CACHE_STATUS_HEADER, "hit");
            return { http: response.http, body: { kind: "single", singleResult: JSON.parse(cached) } };
          }
          cacheMisses.labels(label).inc();
          response.http.headers.set(CACHE_STATUS_HEADER, "miss");
          pending = { key, since, operation: label, hints: followHints(context) };
          return null;
        },
        async willSendResponse({ response }) {
          if (!pending || response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (errors?.length || !data || !pending.hints.cacheable) return;
          if (await store.set(pending.key, JSON.stringify({ data }), [...pending.hints.tags], pending.since)) cacheStores.labels(pending.operation).inc();
        },
      };
    },
  };
}
