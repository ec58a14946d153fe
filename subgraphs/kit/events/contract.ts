import { z } from "zod";

/**
 * One kind of fact a subgraph publishes (issue 11): who produces it, which subgraphs consume it, and the shape of
 * its payload at this version. Producer and consumers both read the contract from the catalog, so the payload a
 * consumer validates is the one the producer was checked against when it wrote the event.
 */
export interface EventContract<P = unknown> {
  /** PascalCase past tense, unique in the hub: `OrganizationEligibilityChanged`. */
  type: string;
  /** Bumped when the payload changes incompatibly; a consumer refuses a version it does not know. */
  version: number;
  producer: string;
  consumers: readonly string[];
  /** Ids and facts only: no names, phones or other personal data (they stay in the owning subgraph). */
  payload: z.ZodType<P>;
  description: string;
}

export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;

export function defineEvent<P>(contract: EventContract<P>): EventContract<P> {
  return contract;
}

/** An event as a consumer receives it: the outbox row's fields, the payload already validated. */
export interface ReceivedEvent<P> {
  id: string;
  type: string;
  version: number;
  producer: string;
  aggregateId: string;
  occurredAt: Date;
  payload: P;
}
