import { BadInputError, ConflictError } from "../../../platform/errors";
import { RuleBreach } from "./rule-breach.rules";

/** Raises a domain rule breach as the GraphQL error its kind calls for. */
export function raise(breach: RuleBreach): never {
  if (breach.kind === "BAD_INPUT") throw new BadInputError(breach.message, breach.facts);
  throw new ConflictError(breach.message, breach.facts);
}
