import { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { log } from "./log";
import { errorsTotal, operationLabel, requestDuration, requestsTotal } from "./metrics";

/** What GraphQL execution learned about a request: the operation's name and its errors' codes. */
interface Outcome {
  operationName: string | null;
  errorCodes: string[];
}

// Keyed by the HTTP request object the HTTP layer hands to Apollo, which Apollo passes to plugins as is
// (unlike the context, which it copies for each operation); no field is added to any context type.
const outcomes = new WeakMap<object, Outcome>();

/** Notes each request's operation name and the codes of the errors it answers with (after formatError). */
export function requestOutcomePlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, operationName, response }) {
          if (!request.http) return;
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : response.body.initialResult.errors;
          outcomes.set(request.http, {
            operationName: operationName ?? request.operationName ?? null,
            errorCodes: (errors ?? []).map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR")),
          });
        },
      };
    },
  };
}

/** How the HTTP layer saw a /graphql request end. */
export interface FinishedRequest {
  requestId: string;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  status: number;
  /** The request as handed to Apollo; absent when it was refused before (unsigned, bad token, bad JSON). */
  graphqlRequest?: object;
  /** The code of the refusal when there was no GraphQL execution. */
  refusedWith?: string;
}

/**
 * One JSON log line and the request metrics for each finished /graphql request of `service`. The line holds
 * the request id, operation name, status, duration and error codes: never variables, the query, tokens or data.
 */
export function requestReporter(service: string): (request: FinishedRequest) => void {
  return ({ requestId, startedAt, status, graphqlRequest, refusedWith }) => {
    const seconds = (performance.now() - startedAt) / 1000;
    const outcome = graphqlRequest ? outcomes.get(graphqlRequest) : undefined;
    // Apollo answers some malformed HTTP requests (a GET without a query) before any plugin runs
    const errorCodes = refusedWith ? [refusedWith] : (outcome?.errorCodes ?? (status >= 400 ? ["BAD_REQUEST"] : []));
    const operation = operationLabel(outcome?.operationName);
    requestsTotal.inc({ service, operation });
    requestDuration.observe({ service, operation }, seconds);
    for (const code of errorCodes) errorsTotal.inc({ service, code });

    const line = {
      service,
      requestId,
      operationName: outcome?.operationName?.slice(0, 100) ?? null,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(errorCodes.length ? { errorCodes } : {}),
    };
    if (status >= 500 || errorCodes.includes("INTERNAL_SERVER_ERROR")) log.warn(line, "graphql request failed");
    else log.info(line, "graphql request");
  };
}
