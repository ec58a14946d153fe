import { IncomingMessage } from "node:http";
import { KeyObject } from "node:crypto";
import { GraphQLSchema, Kind, parse } from "graphql";
import { HubError, UnauthenticatedError } from "../../platform/errors";
import { Claims, IDENTITY_HEADER, REQUEST_ID_HEADER, SIGNATURE_HEADER } from "../../platform/identity";
import { NonceStore } from "../../platform/nonce-store";
import { GATEWAY_KEY_ID, verifySignedRequest } from "../../platform/request-signing";

/** The public keys a subgraph trusts: the gateway's, and those of the subgraphs that call it as a service. */
export interface CallerKeys {
  /** One key, or two while the gateway rotates (old and new). */
  gateway: readonly KeyObject[];
  services: ReadonlyMap<string, KeyObject>;
}

/**
 * Which other subgraphs may call this one with their service identity, and which root mutation fields each may
 * use (declared in code by the feature that owns the mutations). A service not listed here is not accepted at all.
 */
export type ServiceCalls = Readonly<Record<string, readonly string[]>>;

/** Fails at start when the allow-list names a mutation the schema does not have (a typo would silently refuse a saga). */
export function checkServiceCalls(subgraph: string, schema: GraphQLSchema, calls: ServiceCalls): void {
  const fields = schema.getMutationType()?.getFields() ?? {};
  for (const [service, names] of Object.entries(calls)) {
    for (const name of names) if (!fields[name]) throw new Error(`${subgraph} lets ${service} call the mutation ${name}, which its schema does not have.`);
  }
}

/** The root fields a service's document asks for; only one mutation, no fragments at the root, is accepted. */
function rootMutationFields(rawBody: string): string[] | null {
  try {
    const document = parse(String((JSON.parse(rawBody) as { query?: unknown }).query));
    if (document.definitions.length !== 1) return null;
    const [operation] = document.definitions;
    if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== "mutation") return null;
    const names: string[] = [];
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) return null;
      names.push(selection.name.value);
    }
    return names;
  } catch {
    return null;
  }
}

/**
 * Authenticates one request to `subgraph`: a POST signed for this subgraph by the gateway or by an allowed
 * service, fresh, and never seen before (its nonce is remembered in `nonces`). A service may run only a mutation
 * of its allowed root fields: anything else is FORBIDDEN (403), since the caller is known but not permitted.
 */
export function requestAuthenticator(subgraph: string, keys: CallerKeys, serviceCalls: ServiceCalls, nonces: NonceStore) {
  const keyFor = (keyId: string) => (keyId === GATEWAY_KEY_ID ? keys.gateway : Object.hasOwn(serviceCalls, keyId) ? keys.services.get(keyId) : undefined);
  return async (request: IncomingMessage, rawBody: string): Promise<Claims> => {
    if (request.method !== "POST") throw new UnauthenticatedError("A subgraph accepts only signed POST requests.");
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const verified = verifySignedRequest(
      keyFor,
      { method: "POST", path: request.url ?? "", audience: subgraph },
      { identity: header(IDENTITY_HEADER), signature: header(SIGNATURE_HEADER), requestId: header(REQUEST_ID_HEADER) },
      rawBody,
    );
    if (verified.keyId !== GATEWAY_KEY_ID) {
      const allowed = serviceCalls[verified.keyId];
      const fields = rootMutationFields(rawBody);
      const refused = fields === null ? ["(not a single mutation)"] : fields.filter((name) => name !== "__typename" && !allowed.includes(name));
      if (refused.length > 0) {
        throw new HubError("FORBIDDEN", `The ${verified.keyId} service may call only ${allowed.join(", ")} on ${subgraph}, not ${refused.join(", ")}.`, { http: { status: 403 } });
      }
    }
    if (!(await nonces.firstSeen(verified.nonce, verified.freshUntil))) throw new UnauthenticatedError("This signed request was already received once; a signature is good for one request.");
    return verified.claims;
  };
}
