import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

/**
 * An event a mutation caused, written in the mutation's own transaction (issue 11): the outbox. Only ids and facts,
 * never personal data; kept after delivery for `HUB_OUTBOX_RETENTION_DAYS` so an operator can trace it.
 */
@Entity("outbox")
export class OutboxEvent {
  /** `evt_` and a ULID. */
  @PrimaryColumn({ type: "varchar", length: 40 })
  id: string;

  @Column({ type: "varchar", length: 80 })
  type: string;

  @Column({ type: "int" })
  version: number;

  @Index()
  @Column({ type: "varchar", length: 40 })
  aggregateId: string;

  /** JSON of the versioned payload. */
  @Column({ type: "text" })
  payload: string;

  /** On the hub clock, as the mutation saw it. */
  @Column({ type: "datetime", precision: 3 })
  occurredAt: Date;

  /** The request that caused it, to follow one user action across logs. */
  @Column({ type: "varchar", length: 64, nullable: true })
  requestId: string | null;
}

export enum DeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  PARKED = "PARKED",
}

registerEnumType(DeliveryStatus, {
  name: "OutboxDeliveryStatus",
  description: "PENDING: waiting or retrying; DELIVERED: the consumer applied it (or had already); PARKED: given up on until an admin retries it.",
});

/**
 * One event on its way to one consumer. `seq` orders the deliveries of one aggregate: a relay only sends the
 * oldest PENDING one per (consumer, aggregate), so consumers see an aggregate's events in the order they happened.
 * Times here are wall-clock (the relay's schedule), not the pinned hub clock.
 */
@ObjectType("OutboxDelivery", { description: "An event on its way from this subgraph's outbox to one consumer (federation admins)." })
@Directive("@shareable") // every subgraph keeps its own outbox and serves this same shape
@Entity("outbox_deliveries")
@Index(["status", "consumer", "aggregateId", "seq"])
export class OutboxDelivery {
  @PrimaryGeneratedColumn("increment")
  seq: number;

  @Field(() => ID, { description: "dlv_ and a number: what a retry names." })
  get id(): string {
    return `dlv_${this.seq}`;
  }

  @Field(() => ID)
  @Index()
  @Column({ type: "varchar", length: 40 })
  eventId: string;

  @Field()
  @Column({ type: "varchar", length: 80 })
  type: string;

  @Field(() => ID)
  @Column({ type: "varchar", length: 40 })
  aggregateId: string;

  @Field({ description: "The subgraph this delivery goes to." })
  @Column({ type: "varchar", length: 40 })
  consumer: string;

  @Field(() => DeliveryStatus)
  @Column({ type: "simple-enum", enum: DeliveryStatus })
  status: DeliveryStatus;

  @Field(() => Int, { description: "Attempts so far (reset by a retry)." })
  @Column({ type: "int", default: 0 })
  attempts: number;

  @Field(() => Date, { description: "When it entered the outbox (wall clock)." })
  @Column({ type: "datetime", precision: 3 })
  enqueuedAt: Date;

  @Field(() => Date, { description: "Not before this instant is it tried (again)." })
  @Column({ type: "datetime", precision: 3 })
  nextAttemptAt: Date;

  /** A relay that claimed the row owns it until then; after that another may take it (the first one died). */
  @Column({ type: "datetime", precision: 3, nullable: true })
  leaseUntil: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true, description: "What the last failed attempt reported (no personal data: ids and codes)." })
  @Column({ type: "varchar", length: 500, nullable: true })
  lastError: string | null;
}
