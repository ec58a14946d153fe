import { randomUUID } from "node:crypto";
import { DataSource, In } from "typeorm";
import { ANONYMOUS_CLAIMS } from "../../../platform/identity";
import { log } from "../../../platform/log";
import { RequestSigner, signedHeaders } from "../../../platform/request-signing";
import { uncounted } from "../db";
import { lockForWriteSkipLocked, writeTransaction } from "../transaction";
import { onEventsCommitted } from "./emit";
import { deliveriesTotal, deliveryFailures, deliveryLag, parkedTotal, readDepth, recordDepth } from "./event-metrics";
import { DeliveryStatus, OutboxDelivery, OutboxEvent } from "./outbox.entity";
import { InboxEntry } from "./inbox.entity";
import { MAX_CACHE_TTL_SECONDS } from "../../../platform/public-facts";
import { GATEWAY_CONSUMER } from "./catalog";

/** How a relay behaves: the defaults suit production; tests shorten the waits. */
export interface RelaySettings {
  /** How often it looks for due deliveries besides being woken by commits (retries, other replicas' events). */
  pollMs: number;
  /** Attempts before an event is parked. */
  maxAttempts: number;
  /** First retry after this long, doubling per attempt up to maxBackoffMs (with jitter). */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** One delivery call's timeout; the claim's lease outlives it, so no other replica sends it meanwhile. */
  timeoutMs: number;
  /** Deliveries claimed per round. */
  batchSize: number;
  /** How often it reads its outbox's depth for /metrics (the gauges are at most this old). */
  depthEveryMs: number;
  /** Delivered events and inbox entries older than this are deleted (parked and pending ones never are). */
  retentionMs: number;
  /** How often it deletes them. */
  pruneEveryMs: number;
}

export const DEFAULT_RELAY_SETTINGS: RelaySettings = { pollMs: 1000, maxAttempts: 10, baseBackoffMs: 1000, maxBackoffMs: 5 * 60_000, timeoutMs: 10_000, batchSize: 20, depthEveryMs: 2000, retentionMs: 7 * 24 * 3600_000, pruneEveryMs: 3600_000 };

/** Where the consumers listen (their GraphQL URL by subgraph name): may be filled in after the relay starts. */
export type PeerUrls = ReadonlyMap<string, string>;

/**
 * A claim outlives the call's timeout by this much (recording the outcome), so no other replica sends the event while
 * this one may still; a relay that dies mid-call holds its deliveries until then, and another sends them again.
 */
const LEASE_MARGIN_MS = 5000;

/** Error codes that no retry can cure: the consumer refused the event itself (malformed, unknown, wrong producer). */
const PERMANENT = new Set(["BAD_USER_INPUT", "FORBIDDEN"]);

class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * Sends one subgraph's outbox to its consumers (issue 11, point 2): woken by every commit that wrote events, and
 * every `pollMs` for retries and for what another replica left. Per (consumer, aggregate) only the oldest
 * PENDING delivery is sent, so an aggregate's events arrive in order; claimed rows carry a lease, so with two
 * replicas on one MySQL each delivery is sent by one of them (claimed with FOR UPDATE SKIP LOCKED). Delivery is
 * at least once; the consumer's inbox makes it applied once.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private depthReadAt = 0;
  private prunedAt = Date.now();
  /** Deliveries this relay completed since it started (replicas' shares, in tests and logs). */
  delivered = 0;
  private readonly settings: RelaySettings;

  constructor(
    private readonly subgraph: string,
    private readonly db: DataSource,
    private readonly peers: PeerUrls,
    private readonly signer: RequestSigner | null,
    settings: Partial<RelaySettings> = {},
  ) {
    this.settings = { ...DEFAULT_RELAY_SETTINGS, ...settings };
  }

  start(): void {
    onEventsCommitted(this.db, () => this.wake());
    this.schedule(0);
  }

  /** Stops polling and waits for the round in flight; unsent events stay in the outbox for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    recordDepth(this.subgraph, null);
    onEventsCommitted(this.db, null);
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs a round now (or right after the one in flight). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** One round, for tests and the operator command: claims what is due and delivers it. */
  async deliverDue(): Promise<number> {
    const claimed = await uncounted(() => this.claim());
    await Promise.all(claimed.map((delivery) => uncounted(() => this.deliver(delivery))));
    return claimed.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
        const more = this.again;
        this.again = false;
        this.schedule(more ? 0 : this.settings.pollMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    try {
      // a delivery makes its aggregate's next event due: go on until nothing is
      while (!this.stopped && (await this.deliverDue()) > 0);
      if (!this.stopped && Date.now() - this.depthReadAt >= this.settings.depthEveryMs) {
        this.depthReadAt = Date.now();
        recordDepth(this.subgraph, await uncounted(() => readDepth(this.db)));
      }
      if (!this.stopped && Date.now() - this.prunedAt >= this.settings.pruneEveryMs) {
        this.prunedAt = Date.now();
        await uncounted(() => this.prune());
      }
    } catch (error) {
      if (!this.stopped) log.error({ err: error, subgraph: this.subgraph }, "outbox relay round failed");
    }
  }

  /**
   * Deletes what no one needs any more: deliveries DELIVERED before the retention window, events left with no
   * delivery, and inbox entries as old (a redelivery comes within minutes: a lease that ran out, a lost answer).
   */
  async prune(olderThanMs = this.settings.retentionMs): Promise<void> {
    const before = new Date(Date.now() - olderThanMs);
    await writeTransaction(this.db, async (tx) => {
      await tx.createQueryBuilder().delete().from(OutboxDelivery).where("status = :delivered AND deliveredAt < :before", { delivered: DeliveryStatus.DELIVERED, before }).execute();
      // the gateway's are cache invalidations: past the longest cache lifetime they clear nothing, delivered or not
      // (a deployment without GATEWAY_EVENTS_URL would otherwise keep them pending for ever)
      const stale = new Date(Date.now() - MAX_CACHE_TTL_SECONDS * 1000);
      await tx.createQueryBuilder().delete().from(OutboxDelivery).where("consumer = :gateway AND enqueuedAt < :stale", { gateway: GATEWAY_CONSUMER, stale }).execute();
      await tx.createQueryBuilder().delete().from(OutboxEvent).where("id NOT IN (SELECT eventId FROM outbox_deliveries)").execute();
      await tx.createQueryBuilder().delete().from(InboxEntry).where("appliedAt < :before", { before }).execute();
    });
  }

  private reachable(): string[] {
    if (!this.signer) return [];
    return [...this.peers.keys()];
  }

  /** Claims the due head deliveries: a short transaction that sets each one's lease and counts the attempt. */
  private async claim(): Promise<{ delivery: OutboxDelivery; event: OutboxEvent }[]> {
    const consumers = this.reachable();
    if (!consumers.length || !this.db.isInitialized) return [];
    const at = new Date();
    const seqs = await writeTransaction(this.db, async (tx) => {
      const heads = await tx
        .getRepository(OutboxDelivery)
        .createQueryBuilder("d")
        .select("d.seq", "seq")
        .where("d.status = :pending AND d.consumer IN (:...consumers) AND d.nextAttemptAt <= :at AND (d.leaseUntil IS NULL OR d.leaseUntil < :at)", { pending: DeliveryStatus.PENDING, consumers, at })
        // the oldest PENDING delivery of its (consumer, aggregate): read without locks, re-checked below
        .andWhere("NOT EXISTS (SELECT 1 FROM outbox_deliveries e WHERE e.consumer = d.consumer AND e.aggregateId = d.aggregateId AND e.status = :pending AND e.seq < d.seq)")
        .orderBy("d.seq", "ASC")
        .limit(this.settings.batchSize)
        .getRawMany<{ seq: number }>();
      if (!heads.length) return [];
      // lock what no other replica holds and is still unclaimed; a row another replica is claiming is skipped
      const locked = await lockForWriteSkipLocked(
        tx,
        tx
          .getRepository(OutboxDelivery)
          .createQueryBuilder("d")
          .select("d.seq", "seq")
          .where("d.seq IN (:...seqs) AND d.status = :pending AND (d.leaseUntil IS NULL OR d.leaseUntil < :at)", { seqs: heads.map((h) => Number(h.seq)), pending: DeliveryStatus.PENDING, at }),
      ).getRawMany<{ seq: number }>();
      const claimed = locked.map((row) => Number(row.seq));
      if (!claimed.length) return [];
      await tx
        .createQueryBuilder()
        .update(OutboxDelivery)
        .set({ leaseUntil: new Date(at.getTime() + this.settings.timeoutMs + LEASE_MARGIN_MS), attempts: () => "attempts + 1" })
        .where({ seq: In(claimed) })
        .execute();
      return claimed;
    });
    if (!seqs.length) return [];
    const deliveries = await this.db.getRepository(OutboxDelivery).findBy({ seq: In(seqs) });
    const events = new Map((await this.db.getRepository(OutboxEvent).findBy({ id: In([...new Set(deliveries.map((d) => d.eventId))]) })).map((e) => [e.id, e]));
    return deliveries.sort((a, b) => a.seq - b.seq).map((delivery) => ({ delivery, event: events.get(delivery.eventId)! }));
  }

  private async deliver({ delivery, event }: { delivery: OutboxDelivery; event: OutboxEvent }): Promise<void> {
    const labels = [this.subgraph, delivery.type, delivery.consumer] as const;
    const requestId = `evt-${randomUUID()}`;
    try {
      await this.send(delivery.consumer, event, requestId);
      const at = new Date();
      await writeTransaction(this.db, (tx) =>
        tx.getRepository(OutboxDelivery).update({ seq: delivery.seq }, { status: DeliveryStatus.DELIVERED, deliveredAt: at, leaseUntil: null, lastError: null }),
      );
      deliveriesTotal.labels(...labels).inc();
      this.delivered += 1;
      deliveryLag.labels(...labels).observe(Math.max(0, (at.getTime() - delivery.enqueuedAt.getTime()) / 1000));
    } catch (error) {
      const failure = error instanceof DeliveryFailure ? error : new DeliveryFailure(error instanceof Error ? error.message : String(error), false);
      const park = failure.permanent || delivery.attempts >= this.settings.maxAttempts;
      const nextAttemptAt = new Date(Date.now() + this.backoff(delivery.attempts));
      const lastError = failure.message.slice(0, 500);
      deliveryFailures.labels(...labels).inc();
      if (park) parkedTotal.labels(...labels).inc();
      log.warn(
        { subgraph: this.subgraph, consumer: delivery.consumer, eventId: event.id, type: event.type, requestId, attempt: delivery.attempts, parked: park, error: lastError },
        park ? "event delivery failed; event parked" : "event delivery failed; will retry",
      );
      await writeTransaction(this.db, (tx) =>
        tx.getRepository(OutboxDelivery).update({ seq: delivery.seq }, park ? { status: DeliveryStatus.PARKED, leaseUntil: null, lastError } : { nextAttemptAt, leaseUntil: null, lastError }),
      ).catch((err) => log.error({ err, subgraph: this.subgraph, eventId: event.id }, "could not record a failed delivery; its lease will run out and it is retried"));
    }
  }

  private backoff(attempts: number): number {
    const { baseBackoffMs, maxBackoffMs } = this.settings;
    const delay = Math.min(maxBackoffMs, baseBackoffMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(delay * (0.75 + Math.random() * 0.5)); // jitter: replicas and consumers coming back do not stampede
  }

  /** Calls `<consumer>ReceiveEvent` with this subgraph's signed service identity; throws DeliveryFailure. */
  private async send(consumer: string, event: OutboxEvent, requestId: string): Promise<void> {
    const url = this.peers.get(consumer);
    if (!url || !this.signer) throw new DeliveryFailure(`no URL or signing key for ${consumer}`, false);
    const field = `${consumer}ReceiveEvent`;
    const body = JSON.stringify({
      query: `mutation Deliver($id: ID!, $type: String!, $version: Int!, $aggregateId: ID!, $occurredAt: DateTime!, $payload: String!) { ${field}(id: $id, type: $type, version: $version, aggregateId: $aggregateId, occurredAt: $occurredAt, payload: $payload) }`,
      variables: { id: event.id, type: event.type, version: event.version, aggregateId: event.aggregateId, occurredAt: event.occurredAt.toISOString(), payload: event.payload },
    });
    const headers = signedHeaders(this.signer, { method: "POST", path: new URL(url).pathname, audience: consumer }, { ...ANONYMOUS_CLAIMS, service: this.subgraph }, requestId, body);
    let response: Response;
    try {
      response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(this.settings.timeoutMs) });
    } catch (error) {
      throw new DeliveryFailure(`${consumer} unreachable: ${(error as Error).name === "TimeoutError" ? `no answer in ${this.settings.timeoutMs} ms` : (error as Error).message}`, false);
    }
    const answer = (await response.json().catch(() => null)) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const applied = answer?.data?.[field];
    if (typeof applied === "boolean" && !answer?.errors?.length) return;
    const first = answer?.errors?.[0];
    const code = first?.extensions?.code ?? `HTTP ${response.status}`;
    throw new DeliveryFailure(`${consumer} answered ${code}: ${first?.message ?? "no result"}`.slice(0, 500), PERMANENT.has(code));
  }
}
