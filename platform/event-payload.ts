import { z } from "zod";
import { BadInputError } from "./errors";

const MAX_PAYLOAD = 64 * 1024;

/**
 * An event's payload as a consumer takes it (a subgraph's inbox, the gateway's receiver): JSON of at most 64 KiB that
 * matches the contract's schema, else a BAD_USER_INPUT that makes the producer's relay park the event at once.
 */
export function checkedPayload<P>(contract: { type: string; version: number; payload: z.ZodType<P> }, raw: string): P {
  if (raw.length > MAX_PAYLOAD) throw new BadInputError(`payload: ${raw.length} characters is more than an event may carry (${MAX_PAYLOAD}).`, { argument: "payload" });
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    throw new BadInputError("payload: not JSON.", { argument: "payload" });
  }
  const checked = contract.payload.safeParse(payload);
  if (checked.success) return checked.data;
  // the paths and messages only: the values may be anything the producer sent
  const problems = checked.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).slice(0, 5);
  throw new BadInputError(`payload: not a valid ${contract.type} v${contract.version}: ${problems.join("; ")}`, { argument: "payload" });
}
