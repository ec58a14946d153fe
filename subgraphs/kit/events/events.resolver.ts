import { Arg, Ctx, Directive, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { HubContext } from "../context";
import { Connection } from "../pagination";
import { EventHandler } from "./handler";
import { DeliveryStatus, OutboxDelivery } from "./outbox.entity";
import { readOutbox, retryDelivery } from "./outbox-admin.service";
import { receiveEvent } from "./receive.service";

@ObjectType()
@Directive("@shareable")
export class OutboxDeliveryConnection extends Connection(OutboxDelivery, "OutboxDelivery", { shareable: true }) {}

/**
 * A subgraph's event fields, named after it so the supergraph keeps them apart: `<subgraph>ReceiveEvent`, the internal mutation relays deliver to, and, for federation admins,
 * `<subgraph>Outbox` and `<subgraph>RetryDelivery`.
 */
export function eventsResolver(subgraph: string, handlers: ReadonlyMap<string, EventHandler>): Function { // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  @Resolver()
  class EventsResolver {
    @Mutation(() => Boolean, {
      name: `${subgraph}ReceiveEvent`,
      description: `Internal: a producing subgraph's relay delivers one event to ${subgraph}. True when applied, false when it had been applied before.`,
    })
    @Directive("@inaccessible")
    receive(
      @Ctx() ctx: HubContext,
      @Arg("id", () => ID) id: string,
      @Arg("type", () => String) type: string,
      @Arg("version", () => Int) version: number,
      @Arg("aggregateId", () => ID) aggregateId: string,
      @Arg("occurredAt", () => Date) occurredAt: Date,
      @Arg("payload", () => String, { description: "The versioned payload as JSON." }) payload: string,
    ) {
      return receiveEvent(ctx, subgraph, handlers, { id, type, version, aggregateId, occurredAt, payload });
    }

    @Query(() => OutboxDeliveryConnection, {
      name: `${subgraph}Outbox`,
      description: `Events on their way out of the ${subgraph} subgraph, oldest first; PARKED ones (given up on) unless statuses says otherwise. Federation admins only.`,
    })
    outbox(
      @Ctx() ctx: HubContext,
      @Arg("statuses", () => [DeliveryStatus], { nullable: true }) statuses?: DeliveryStatus[],
      @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
      @Arg("after", () => String, { nullable: true }) after?: string,
    ) {
      return readOutbox(ctx, statuses, { first, after });
    }

    @Mutation(() => OutboxDelivery, {
      name: `${subgraph}RetryDelivery`,
      description: `Sends a PARKED event of the ${subgraph} outbox again, with fresh attempts. Federation admins only.`,
    })
    retry(@Ctx() ctx: HubContext, @Arg("id", () => ID) id: string) {
      return retryDelivery(ctx, id);
    }
  }
  return EventsResolver;
}
