import { Feature } from "../feature";
import { EVENT_CATALOG } from "./catalog";
import { EventHandler } from "./handler";
import { eventsResolver } from "./events.resolver";
import { InboxEntry } from "./inbox.entity";
import { OutboxDelivery, OutboxEvent } from "./outbox.entity";

export { EVENT_CATALOG, contractOf } from "./catalog";
export type { EventContract, ReceivedEvent } from "./contract";
export { emitEvent, emitEvents } from "./emit";
export { onEvent } from "./handler";
export type { EventHandler } from "./handler";
export { DeliveryStatus, OutboxDelivery, OutboxEvent } from "./outbox.entity";
export { InboxEntry } from "./inbox.entity";
export { DEFAULT_RELAY_SETTINGS, OutboxRelay } from "./relay";
export type { PeerUrls, RelaySettings } from "./relay";

/**
 * Every subgraph's outbox and inbox (issue 11): the tables, `<subgraph>ReceiveEvent` for the relays of the
 * producers it consumes from, and the admin fields. `handlers` are its features' event handlers, one per type.
 */
export function eventsFeature(subgraph: string, handlers: readonly EventHandler[]): Feature {
  const byType = new Map<string, EventHandler>();
  for (const handler of handlers) {
    const { type, consumers } = handler.contract;
    if (byType.has(type)) throw new Error(`Two features of ${subgraph} handle ${type}; one event type has one handler per consumer.`);
    if (!consumers.includes(subgraph)) throw new Error(`${subgraph} handles ${type}, but the event catalog does not list ${subgraph} among its consumers.`);
    byType.set(type, handler);
  }
  const serviceCalls: Record<string, string[]> = {};
  for (const { contract } of handlers) serviceCalls[contract.producer] = [`${subgraph}ReceiveEvent`];
  return { name: "events", entities: [OutboxEvent, OutboxDelivery, InboxEntry], resolvers: [eventsResolver(subgraph, byType)], serviceCalls };
}

/** The subgraphs `producer`'s events go to, by the catalog: its relay needs their URLs. */
export function consumersOf(producer: string): string[] {
  return [...new Set(EVENT_CATALOG.filter((contract) => contract.producer === producer).flatMap((contract) => contract.consumers))];
}
