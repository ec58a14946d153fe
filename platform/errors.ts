import { GraphQLError, GraphQLFormattedError } from "graphql";

/** Every error code a client may see; each is spelled exactly one way across the hub. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "INTERNAL_SERVER_ERROR";

/** A GraphQL error with a code and the facts a client needs to act on it. */
export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, facts: Record<string, unknown> = {}) {
    super(message, { extensions: { ...facts, code } });
  }
}

/** The input is wrong: the message says which argument and how to fix it. */
export class BadInputError extends HubError {
  constructor(message: string, facts: Record<string, unknown> = {}) {
    super("BAD_USER_INPUT", message, facts);
  }
}

/** A command aimed at an id that does not exist. */
export class NotFoundError extends HubError {
  constructor(typeName: string, id: string) {
    super("NOT_FOUND", `No ${typeName} has the id "${id}".`, { typeName, id });
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends HubError {
  constructor(message: string) {
    super("FORBIDDEN", message);
  }
}

/** The caller could not be identified (bad or expired token, unsigned request). */
export class UnauthenticatedError extends HubError {
  constructor(message: string) {
    super("UNAUTHENTICATED", message);
  }
}

/** The command clashes with the current state (illegal transition, taken slot). */
export class ConflictError extends HubError {
  constructor(message: string, facts: Record<string, unknown> = {}) {
    super("CONFLICT", message, facts);
  }
}

const CLIENT_CODES = new Set<string>([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  // raised by graphql-js / Apollo for malformed operations; their messages never carry internals
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
  // the gateway's: one subgraph could not answer; the rest of the response stands (gateway/signed-data-source)
  "SUBGRAPH_UNAVAILABLE",
  // the gateway's refusals before execution: over a query limit (gateway/limits), not a trusted document
  "OPERATION_TOO_COMPLEX",
  "PERSISTED_QUERY_NOT_ALLOWED",
]);

function causedBy(error: unknown, code: ErrorCode): boolean {
  for (let cause = error; cause instanceof Error; cause = (cause as GraphQLError).originalError) {
    if (cause instanceof HubError && cause.extensions.code === code) return true;
    if (!(cause as GraphQLError).originalError || (cause as GraphQLError).originalError === cause) break;
  }
  return false;
}

/** The message a client sees for anything unexpected: never SQL, never a stack. */
export const INTERNAL_MESSAGE = "Something went wrong on our side. Quote the requestId when you report it.";

/**
 * Apollo `formatError`: known client codes pass through without stack traces;
 * type-graphql's UNAUTHORIZED becomes FORBIDDEN; anything else is masked as INTERNAL_SERVER_ERROR.
 * The original error is logged by the server plugin with the request id.
 */
export function formatHubError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  let code = String(formatted.extensions?.code ?? "");
  // A scalar literal we rejected (e.g. Date "2022-02-30") surfaces as a validation error: it is bad input.
  if (code === "GRAPHQL_VALIDATION_FAILED" && causedBy(error, "BAD_USER_INPUT")) code = "BAD_USER_INPUT";
  const { stacktrace: _drop, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (code === "UNAUTHORIZED") {
    return { ...formatted, message: "You may not do this.", extensions: { ...extensions, code: "FORBIDDEN" } };
  }
  if (CLIENT_CODES.has(code)) return { ...formatted, extensions: { ...extensions, code } };
  return { message: INTERNAL_MESSAGE, path: formatted.path, locations: formatted.locations, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
