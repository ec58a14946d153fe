import { BadInputError, ForbiddenError } from "../../../platform/errors";
import { checkedPayload } from "../../../platform/event-payload";
import { log } from "../../../platform/log";
import { HubContext } from "../context";
import { writeTransaction } from "../transaction";
import { EventHandler } from "./handler";
import { InboxEntry } from "./inbox.entity";
import { inboxDuplicates } from "./event-metrics";

/** An event as the relay sends it: every field as the producer's outbox row holds it, the payload as JSON. */
export interface IncomingEvent {
  id: string;
  type: string;
  version: number;
  aggregateId: string;
  occurredAt: Date;
  payload: string;
}

const EVENT_ID = /^evt_[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Applies one delivered event once (issue 11, point 3): the handler's writes and the inbox row commit together,
 * so a redelivery finds the row and is acknowledged (false) without applying anything. A malformed event is a
 * BAD_USER_INPUT, which the producer's relay parks at once instead of retrying it forever.
 */
export async function receiveEvent(ctx: HubContext, subgraph: string, handlers: ReadonlyMap<string, EventHandler>, event: IncomingEvent): Promise<boolean> {
  const producer = ctx.viewer.service;
  if (!producer) throw new ForbiddenError("Events are delivered by the producing subgraph's relay with its signed service identity.");
  const handler = handlers.get(event.type);
  if (!handler) throw new BadInputError(`type: the ${subgraph} subgraph consumes no "${event.type.slice(0, 80)}" events.`, { argument: "type" });
  const { contract } = handler;
  if (contract.producer !== producer) throw new ForbiddenError(`${contract.type} events come from ${contract.producer}, not ${producer}.`);
  if (event.version !== contract.version) {
    throw new BadInputError(`version: ${contract.type} v${event.version} is not understood here; ${subgraph} reads v${contract.version}.`, { argument: "version" });
  }
  if (!EVENT_ID.test(event.id)) throw new BadInputError(`id: "${event.id.slice(0, 60)}" is not an event id (evt_ and a ULID).`, { argument: "id" });
  const payload = checkedPayload(contract, event.payload);
  try {
    return await writeTransaction(ctx.db, async (tx) => {
      if (await tx.getRepository(InboxEntry).existsBy({ eventId: event.id })) return false;
      await tx.getRepository(InboxEntry).insert({ eventId: event.id, producer, type: event.type, appliedAt: new Date() }); // wall clock: pruning reads it
      await handler.apply(tx, { id: event.id, type: event.type, version: event.version, producer, aggregateId: event.aggregateId, occurredAt: event.occurredAt, payload });
      return true;
    }).then((applied) => {
      if (!applied) duplicate(subgraph, event, ctx.requestId);
      return applied;
    });
  } catch (error) {
    // two replicas of the producer racing with one event (a lease that ran out mid-delivery): the loser's insert
    // waits on the winner's row lock, then fails on the key; nothing of it was kept
    if (isDuplicateKey(error) && (await ctx.db.getRepository(InboxEntry).existsBy({ eventId: event.id }))) {
      duplicate(subgraph, event, ctx.requestId);
      return false;
    }
    throw error;
  }
}

function duplicate(subgraph: string, event: IncomingEvent, requestId: string): void {
  inboxDuplicates.labels(subgraph, event.type).inc();
  log.info({ subgraph, eventId: event.id, type: event.type, requestId }, "event already applied; acknowledged again");
}

function isDuplicateKey(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
  return code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
