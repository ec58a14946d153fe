import { ErrorCode, HubError } from "../../platform/errors";

/** The codes a broken rule can carry; the client reads them in `extensions.code`. */
export type ProblemCode = Extract<ErrorCode, "BAD_USER_INPUT" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT">;

/**
 * A rule that a command or its input breaks: the code the client sees, a message that says what to change, and the
 * facts that explain it. Pure data, so state machines and rules return it without knowing GraphQL; services raise it.
 */
export interface Problem {
  code: ProblemCode;
  message: string;
  facts?: Record<string, unknown>;
}

/** A problem of `code`. */
export function problem(code: ProblemCode, message: string, facts?: Record<string, unknown>): Problem {
  return facts ? { code, message, facts } : { code, message };
}

/** Raises a problem as the GraphQL error of its code; does nothing when there is none. */
export function raise(found: Problem | null | undefined): void {
  if (found) throw new HubError(found.code, found.message, found.facts);
}
