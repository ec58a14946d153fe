import { IncomingHttpHeaders } from "node:http";
import { GraphQLError } from "graphql";

// The status-code rules of GraphQL over HTTP (graphql-over-http spec, "application/json" and
// "application/graphql-response+json" responses) that Apollo Server leaves to the HTTP layer.

/** The errors a well-formed request can meet before execution: its document or its variables are wrong. */
// OPERATION_TOO_COMPLEX: the gateway's limits, checked like validation before anything runs (gateway/limits.ts)
const REQUEST_ERROR_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "OPERATION_TOO_COMPLEX"]);

/**
 * The status to answer with. Apollo answers 400 when a well-formed request's document fails to parse or validate
 * or a variable fails coercion. That is right for `application/graphql-response+json`; with `application/json`
 * the spec asks for 200 and the errors in the body (legacy clients read the body only on 200). Every other status
 * (a malformed request, a refused method or media type) stays as Apollo set it.
 */
export function graphqlResponseStatus(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType?.startsWith("application/json")) return status;
  let parsed: { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
  try {
    parsed = JSON.parse(body);
  } catch {
    return status;
  }
  const errors = parsed.errors ?? [];
  const requestErrors = errors.length > 0 && errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)));
  return requestErrors ? 200 : status;
}

/** The response media type a client asked for: `application/graphql-response+json` when it lists that first. */
export function responseMediaType(accept: string | undefined): string {
  const types = (accept ?? "").split(",").map((part) => part.split(";")[0].trim().toLowerCase());
  const modern = types.indexOf("application/graphql-response+json");
  const legacy = types.indexOf("application/json");
  return modern >= 0 && (legacy < 0 || modern < legacy) ? "application/graphql-response+json; charset=utf-8" : "application/json; charset=utf-8";
}

/** The media type of a request body that the hub reads: JSON only. */
export function unsupportedMediaType(method: string | undefined, headers: IncomingHttpHeaders): GraphQLError | null {
  if (method !== "POST") return null;
  const type = (headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json") return null;
  const named = type ? `"${type}"` : "no Content-Type";
  return new GraphQLError(`A POST to /graphql must send Content-Type: application/json (got ${named}) with a body like {"query": "{ … }", "variables": {}}.`, {
    extensions: { code: "BAD_REQUEST", http: { status: 415 } },
  });
}

/** A browser opening /graphql as a page (GET, HTML first in Accept, no `query` parameter). */
export function isBrowserVisit(method: string | undefined, headers: IncomingHttpHeaders, search: URLSearchParams): boolean {
  if (method !== "GET" || search.has("query")) return false;
  const first = (headers.accept ?? "").split(",")[0].split(";")[0].trim().toLowerCase();
  return first === "text/html";
}

/** What a person who opens the endpoint in a browser reads when there is no explorer to send them to. */
export function howToQuery(endpoint: string): string {
  return [
    `This is a GraphQL endpoint (${endpoint}). Send a query with any GraphQL client or with curl:`,
    "",
    `  curl -X POST ${endpoint} -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}'`,
    "",
    "POST a JSON body {\"query\", \"variables\", \"operationName\"}; GET with ?query=… runs queries only.",
    "Send Authorization: Bearer <token> to act as someone; without it you see the public view.",
    "",
  ].join("\n");
}
