import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { Agent, fetch as undiciFetch } from "undici";
import { Claims, encodeClaims, IDENTITY_HEADER, REQUEST_ID_HEADER, signRequest, SIGNATURE_HEADER } from "../subgraphs/kit/identity";
import { subgraphFetchDuration, subgraphFetchFailures } from "../subgraphs/kit/metrics";

/** What the gateway knows about a request: the verified caller and the id that follows it everywhere. */
export interface GatewayContext {
  claims: Claims;
  requestId: string;
}

// Keep-alive connections to the subgraphs; the stock make-fetch-happen client costs most of the gateway's CPU (STACK.md).
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });

/**
 * Forwards the caller's claims and the request id to a subgraph and signs them together with the exact body,
 * so a subgraph can trust who is asking (kit/identity verifies). Times each fetch for /metrics.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(subgraph: string, url: string, identitySecret: string) {
    const durations = subgraphFetchDuration.labels(subgraph);
    const failures = subgraphFetchFailures.labels(subgraph);
    super({
      url,
      fetcher: (async (input: string, init: { headers: Record<string, string>; body: string; method: string }) => {
        const headers = { ...init.headers };
        headers[SIGNATURE_HEADER] = signRequest(identitySecret, headers[IDENTITY_HEADER] ?? "", headers[REQUEST_ID_HEADER] ?? "", init.body);
        const end = durations.startTimer();
        try {
          const response = await undiciFetch(input, { ...init, headers, dispatcher: agent });
          end();
          return response;
        } catch (error) {
          failures.inc();
          throw error;
        }
      }) as never,
    });
  }

  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Apollo's own health check and schema loading run without a request context
    const claims = "claims" in context ? (context as GatewayContext).claims : null;
    const requestId = "requestId" in context ? (context as GatewayContext).requestId : "gateway";
    if (claims) request.http?.headers.set(IDENTITY_HEADER, encodeClaims(claims));
    request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }
}
