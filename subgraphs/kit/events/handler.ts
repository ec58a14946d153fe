import { EntityManager } from "typeorm";
import { EventContract, ReceivedEvent } from "./contract";

/** How a consumer applies one event type: inside the transaction that also records the event in its inbox. */
export interface EventHandler {
  contract: EventContract;
  apply(tx: EntityManager, event: ReceivedEvent<unknown>): Promise<void>;
}

/** A feature's handler of `contract`'s events (listed in the feature's `eventHandlers`). */
export function onEvent<P>(contract: EventContract<P>, apply: (tx: EntityManager, event: ReceivedEvent<P>) => Promise<void>): EventHandler {
  return { contract: contract as EventContract, apply: apply as EventHandler["apply"] };
}
