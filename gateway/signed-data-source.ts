import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { KeyObject } from "node:crypto";
import { ANONYMOUS_CLAIMS, Claims, encodeClaims, IDENTITY_HEADER, REQUEST_ID_HEADER, SIGNATURE_HEADER } from "../platform/identity";
import { GATEWAY_KEY_ID, RequestSigner, signRequest } from "../platform/request-signing";
import { log } from "../platform/log";
import { subgraphFetchDuration, subgraphFetchFailures } from "../platform/metrics";
import { dedupeInflightReads } from "./inflight-dedupe";
import { callSubgraph, SubgraphRequest } from "./subgraph-client";
import { noteSubgraphAnswer } from "./response-cache";
import { CACHE_TAGS_HEADER } from "../platform/public-facts";

/** What the gateway knows about a request: the verified caller and the id that follows it everywhere. */
export interface GatewayContext {
  claims: Claims;
  requestId: string;
}

/** Statuses that mean the subgraph (or the proxy in front of it) could not serve the request at all. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * The error a client sees for the part of its answer a subgraph could not give: it names the subgraph, and
 * carries no internal URL, address or stack. The rest of the answer is still there.
 */
export function subgraphUnavailable(subgraph: string): GraphQLError {
  return new GraphQLError(`The ${subgraph} service is unavailable right now, so the fields it provides are missing from this answer; the rest is complete. Try again in a moment.`, {
    extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph },
  });
}

/** A call cut by the gateway's own bound (HUB_SUBGRAPH_TIMEOUT_MS), before the headers or while reading the body. */
function isTimeout(error: unknown): boolean {
  // by name, not instanceof: undici's DOMException need not share this realm's Error
  let cause = error as { name?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; depth < 5 && cause && typeof cause === "object"; depth++, cause = cause.cause as typeof cause) {
    if (cause.name === "TimeoutError" || cause.name === "AbortError") return true;
  }
  return false;
}

/**
 * Forwards the caller's claims and the request id to a subgraph and signs them with the gateway's private key,
 * bound to method, path, subgraph, a fresh nonce and the exact body (platform/request-signing), so a subgraph can
 * trust who is asking (kit/request-auth verifies). Each call is bounded by `timeoutMs`, body included, so a slow
 * subgraph costs its own part of the answer only. Times each fetch for /metrics.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    signingKey: KeyObject,
    timeoutMs: number,
    dedupeReads = true,
  ) {
    const signer: RequestSigner = { keyId: GATEWAY_KEY_ID, key: signingKey };
    const { pathname, search } = new URL(url);
    const target = { method: "POST", path: `${pathname}${search}`, audience: subgraph };
    const durations = subgraphFetchDuration.labels(subgraph);
    const failures = subgraphFetchFailures.labels(subgraph);
    const signedFetch = async (input: string, init: SubgraphRequest) => {
      const headers = { ...init.headers };
      headers[SIGNATURE_HEADER] = signRequest(signer, { ...target, method: init.method }, headers[IDENTITY_HEADER], headers[REQUEST_ID_HEADER], init.body);
      const end = durations.startTimer();
      try {
        const response = await callSubgraph(input, { ...init, headers }, timeoutMs);
        end();
        if (UNAVAILABLE_STATUSES.has(response.status)) failures.inc();
        return response;
      } catch (error) {
        failures.inc();
        throw error;
      }
    };
    super({ url, fetcher: (dedupeReads ? dedupeInflightReads(subgraph, signedFetch) : signedFetch) as never });
  }

  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Apollo's own health check and schema loading run without a request context
    const claims = "claims" in context ? (context as GatewayContext).claims : ANONYMOUS_CLAIMS;
    const requestId = "requestId" in context ? (context as GatewayContext).requestId : "gateway";
    // service identities are signed only by the subgraphs' own keys; subgraphs refuse one from the gateway too
    if (claims.service !== null || claims.roles.includes("SERVICE")) throw new Error("The gateway never signs a service identity.");
    request.http?.headers.set(IDENTITY_HEADER, encodeClaims(claims));
    request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  /** Tells the response cache whether the subgraph declared this answer cacheable, and its tags. */
  async didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["didReceiveResponse"]>>[0]) {
    noteSubgraphAnswer(context, response.http?.headers.get(CACHE_TAGS_HEADER) ?? null);
    return response;
  }

  /**
   * A subgraph that cannot be reached (refused, reset), does not answer within the bound, or answers 502–504 is
   * SUBGRAPH_UNAVAILABLE.
   * Any other non-2xx answer is the hub's own fault (a refused signature, say): logged, and masked for the client
   * as INTERNAL_SERVER_ERROR, since Apollo's error would carry the subgraph's internal URL.
   */
  didEncounterError(error: Error, _fetchRequest: unknown, fetchResponse?: { status: number }, context?: GatewayContext): never {
    const requestId = context && "requestId" in context ? context.requestId : undefined;
    if (!fetchResponse || UNAVAILABLE_STATUSES.has(fetchResponse.status) || isTimeout(error)) {
      log.warn({ subgraph: this.subgraph, requestId, status: fetchResponse?.status, reason: error.message }, "subgraph unavailable");
      throw subgraphUnavailable(this.subgraph);
    }
    log.error({ subgraph: this.subgraph, requestId, status: fetchResponse.status, err: error }, "subgraph refused the gateway's request");
    throw new Error(`The ${this.subgraph} subgraph answered HTTP ${fetchResponse.status}`);
  }
}
