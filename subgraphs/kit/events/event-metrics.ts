import { Counter, Gauge, Histogram } from "prom-client";
import { DataSource } from "typeorm";
import { metrics } from "../../../platform/metrics";
import { uncounted } from "../db";

const LAG_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];
const LABELS = ["subgraph", "type", "consumer"] as const;

/** Events delivered (the consumer applied or acknowledged them). */
export const deliveriesTotal = new Counter({ name: "hub_outbox_deliveries_total", help: "Events delivered from an outbox, by producing subgraph, event type and consumer", labelNames: LABELS, registers: [metrics] });

/** Failed delivery attempts (each is retried with backoff until it is parked). */
export const deliveryFailures = new Counter({
  name: "hub_outbox_delivery_failures_total",
  help: "Failed attempts to deliver an event, by producing subgraph, event type and consumer",
  labelNames: LABELS,
  registers: [metrics],
});

/** Events given up on: a malformed one at once, others after HUB_OUTBOX_MAX_ATTEMPTS attempts. */
export const parkedTotal = new Counter({ name: "hub_outbox_parked_total", help: "Events parked (dead-lettered), by producing subgraph, event type and consumer", labelNames: LABELS, registers: [metrics] });

/** From the commit of the event to its delivery (wall clock). */
export const deliveryLag = new Histogram({
  name: "hub_outbox_delivery_lag_seconds",
  help: "Time from an event's commit to its delivery, by producing subgraph, event type and consumer",
  labelNames: LABELS,
  buckets: LAG_SECONDS,
  registers: [metrics],
});

/** Redeliveries a consumer recognised by its inbox and did not apply again. */
export const inboxDuplicates = new Counter({ name: "hub_inbox_duplicates_total", help: "Events a consumer had already applied and acknowledged again, by consumer and type", labelNames: ["subgraph", "type"], registers: [metrics] });

/** Outboxes whose depth /metrics reads at scrape time: one per subgraph store in this process. */
const outboxes = new Map<DataSource, string>();

export function watchOutbox(subgraph: string, db: DataSource): () => void {
  outboxes.set(db, subgraph);
  return () => outboxes.delete(db);
}

interface DepthRow {
  type: string;
  consumer: string;
  status: string;
  n: number | string;
  oldest: Date | string;
}

async function depthRows(): Promise<{ subgraph: string; rows: DepthRow[] }[]> {
  return Promise.all(
    [...outboxes].map(async ([db, subgraph]) => {
      if (!db.isInitialized) return { subgraph, rows: [] };
      const rows: DepthRow[] = await uncounted(() =>
        db.query("SELECT `type`, `consumer`, `status`, COUNT(*) AS n, MIN(`enqueuedAt`) AS oldest FROM `outbox_deliveries` WHERE `status` IN ('PENDING', 'PARKED') GROUP BY `type`, `consumer`, `status`"),
      ).catch(() => []);
      return { subgraph, rows };
    }),
  );
}

/** The outbox depth gauges read their values at scrape time, in one query per store. */
let scrape: Promise<{ subgraph: string; rows: DepthRow[] }[]> | null = null;
function sharedScrape() {
  scrape ??= depthRows().finally(() => setImmediate(() => (scrape = null)));
  return scrape;
}

new Gauge({
  name: "hub_outbox_pending_events",
  help: "Events waiting in an outbox for delivery (including retries), by producing subgraph, event type and consumer",
  labelNames: LABELS,
  registers: [metrics],
  async collect() {
    this.reset();
    for (const { subgraph, rows } of await sharedScrape()) for (const row of rows) if (row.status === "PENDING") this.labels(subgraph, row.type, row.consumer).set(Number(row.n));
  },
});

new Gauge({
  name: "hub_outbox_parked_events",
  help: "Events parked in an outbox until an admin retries them, by producing subgraph, event type and consumer",
  labelNames: LABELS,
  registers: [metrics],
  async collect() {
    this.reset();
    for (const { subgraph, rows } of await sharedScrape()) for (const row of rows) if (row.status === "PARKED") this.labels(subgraph, row.type, row.consumer).set(Number(row.n));
  },
});

new Gauge({
  name: "hub_outbox_oldest_pending_age_seconds",
  help: "Age of the oldest event still waiting for delivery: the delivery lag right now, by producing subgraph, event type and consumer",
  labelNames: LABELS,
  registers: [metrics],
  async collect() {
    this.reset();
    const at = Date.now();
    for (const { subgraph, rows } of await sharedScrape()) {
      for (const row of rows) if (row.status === "PENDING") this.labels(subgraph, row.type, row.consumer).set(Math.max(0, (at - asDate(row.oldest).getTime()) / 1000));
    }
  },
});

// SQLite returns datetimes as text ("2026-12-03 14:00:00.000", UTC), mysql2 as Date
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(" ", "T")}Z`);
}
