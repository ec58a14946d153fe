import { DataSource, EntityManager } from "typeorm";
import { now } from "../clock";
import { orderedIds } from "../ids";
import { afterCommit } from "../transaction";
import { EventContract } from "./contract";
import { DeliveryStatus, OutboxDelivery, OutboxEvent } from "./outbox.entity";

const wakers = new WeakMap<DataSource, () => void>();

/** The relay of `db` asks to be woken when a transaction on it has committed events. */
export function onEventsCommitted(db: DataSource, wake: (() => void) | null): void {
  if (wake) wakers.set(db, wake);
  else wakers.delete(db);
}

/** Wakes the relay of `db`, if one runs in this process. */
export function wakeRelay(db: DataSource): void {
  wakers.get(db)?.();
}

/**
 * Writes an event into the outbox inside the mutation's transaction `tx` (a writeTransaction): the event and the
 * state change it reports commit or vanish together. One delivery row per consumer the catalog names. The payload
 * is checked against the contract here, so a producer cannot write what its consumers would refuse.
 */
export async function emitEvent<P>(tx: EntityManager, contract: EventContract<P>, aggregateId: string, payload: P, requestId?: string | null): Promise<string> {
  const [id] = await emitEvents(tx, contract, [{ aggregateId, payload }], requestId);
  return id;
}

/** Rows per INSERT: well under SQLite's 32,766 bound variables and MySQL's packet size. */
const CHUNK = 200;

/** Like `emitEvent` for many events of one contract (an import's new organizations): two INSERTs per 200 events. */
export async function emitEvents<P>(tx: EntityManager, contract: EventContract<P>, items: readonly { aggregateId: string; payload: P }[], requestId?: string | null): Promise<string[]> {
  const db = tx.connection;
  afterCommit(tx, () => wakeRelay(db)); // throws outside a writeTransaction: nothing is published from outside one
  const occurredAt = now();
  const nextId = orderedIds("OutboxEvent");
  const events: OutboxEvent[] = items.map(({ aggregateId, payload }) => {
    const checked = contract.payload.safeParse(payload);
    if (!checked.success) throw new Error(`${contract.type} v${contract.version} payload does not match its contract: ${checked.error.message}`);
    return { id: nextId(), type: contract.type, version: contract.version, aggregateId, payload: JSON.stringify(checked.data), occurredAt, requestId: requestId ?? null };
  });
  const enqueuedAt = new Date(); // wall clock: the relay schedules by it, whatever the hub clock is pinned to
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK);
    await tx.getRepository(OutboxEvent).insert(chunk);
    // event order within the chunk is delivery order per aggregate: seq follows the order of the rows
    await tx.getRepository(OutboxDelivery).insert(
      chunk.flatMap((event) =>
        contract.consumers.map((consumer) => ({
          eventId: event.id,
          type: contract.type,
          aggregateId: event.aggregateId,
          consumer,
          status: DeliveryStatus.PENDING,
          attempts: 0,
          enqueuedAt,
          nextAttemptAt: enqueuedAt,
          leaseUntil: null,
          deliveredAt: null,
          lastError: null,
        })),
      ),
    );
  }
  return events.map((event) => event.id);
}
