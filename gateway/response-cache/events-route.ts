import { KeyObject } from "node:crypto";
import { IncomingMessage } from "node:http";
import { BadInputError, ForbiddenError, HubError } from "../../platform/errors";
import { checkedPayload } from "../../platform/event-payload";
import { IDENTITY_HEADER, REQUEST_ID_HEADER, SIGNATURE_HEADER } from "../../platform/identity";
import { PostRoute } from "../../platform/http";
import { log } from "../../platform/log";
import { NonceStore } from "../../platform/nonce-store";
import { PUBLIC_FACT_EVENTS, tagsClearedBy } from "../../platform/public-facts";
import { verifySignedRequest } from "../../platform/request-signing";
import { cacheInvalidatedEntries, cacheInvalidations } from "./metrics";

/** Where producers' relays deliver the events the gateway consumes (their GATEWAY_EVENTS_URL points here). */
export const EVENTS_PATH = "/internal/events";

/** The consumer name producers sign for, and the root field their relay's document names (`<consumer>ReceiveEvent`). */
const AUDIENCE = "gateway";
const FIELD = `${AUDIENCE}ReceiveEvent`;

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function variablesOf(rawBody: string): Record<string, unknown> {
  try {
    const body = JSON.parse(rawBody) as { query?: unknown; variables?: unknown };
    if (typeof body.query === "string" && body.query.includes(FIELD) && body.variables && typeof body.variables === "object") return body.variables as Record<string, unknown>;
  } catch {
    // refused below
  }
  throw new BadInputError(`The body is not a ${FIELD} mutation with its variables.`);
}

/** The tags an event clears, after checking it as a subgraph's inbox checks one (kit/events/receive.service). */
function tagsOf(producer: string, variables: Record<string, unknown>): { type: string; tags: string[] } {
  const type = String(variables.type ?? "");
  const contract = PUBLIC_FACT_EVENTS.find((candidate) => candidate.type === type);
  if (!contract) throw new BadInputError(`type: the gateway consumes no "${type.slice(0, 80)}" events.`, { argument: "type" });
  if (contract.producer !== producer) throw new ForbiddenError(`${type} events come from ${contract.producer}, not ${producer}.`);
  if (variables.version !== contract.version) throw new BadInputError(`version: ${type} v${String(variables.version)} is not understood here; the gateway reads v${contract.version}.`, { argument: "version" });
  return { type, tags: tagsClearedBy(type, checkedPayload<unknown>(contract, String(variables.payload)))! };
}

/**
 * The gateway as an event consumer (issue 12, point 5): a producer's relay POSTs `gatewayReceiveEvent` here, signed
 * with its service key exactly as it signs for a subgraph (platform/request-signing: audience "gateway", a nonce seen
 * once), and the gateway drops the cached answers tagged with the event's facts. No inbox: clearing twice is harmless.
 * Answers as a subgraph would, so the relay retries (UNAUTHENTICATED, unavailable) or parks (BAD_USER_INPUT, FORBIDDEN).
 */
export function eventsRoute(producerKeys: ReadonlyMap<string, KeyObject>, nonces: NonceStore, invalidate: (tags: readonly string[]) => Promise<number>): PostRoute {
  return async (request, rawBody, requestId) => {
    try {
      const verified = verifySignedRequest(
        (keyId) => producerKeys.get(keyId),
        { method: "POST", path: request.url ?? "", audience: AUDIENCE },
        { identity: header(request, IDENTITY_HEADER), signature: header(request, SIGNATURE_HEADER), requestId: header(request, REQUEST_ID_HEADER) },
        rawBody,
      );
      if (!(await nonces.firstSeen(verified.nonce, verified.freshUntil))) throw new HubError("UNAUTHENTICATED", "This signed request was already received once; a signature is good for one request.");
      const { type, tags } = tagsOf(verified.keyId, variablesOf(rawBody));
      const dropped = await invalidate(tags);
      cacheInvalidations.labels(type).inc();
      cacheInvalidatedEntries.inc(dropped);
      return { status: 200, body: { data: { [FIELD]: true } } };
    } catch (error) {
      if (error instanceof HubError) {
        const code = String(error.extensions.code);
        return { status: code === "UNAUTHENTICATED" ? 401 : code === "FORBIDDEN" ? 403 : 400, body: { errors: [{ message: error.message, extensions: { code, requestId } }] } };
      }
      // the store did not answer: the relay retries later
      log.warn({ err: error, requestId }, "an event could not clear the response cache");
      return { status: 503, body: { errors: [{ message: "The response cache could not be cleared; deliver the event again.", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] } };
    }
  };
}
