/** A rule a command breaks: bad input (fix the arguments) or a conflict with the current state. */
export type RuleBreach = { kind: "BAD_INPUT" | "CONFLICT"; message: string; facts?: Record<string, unknown> };
