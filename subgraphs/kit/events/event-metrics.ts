import { Counter, Gauge, Histogram } from "prom-client";
import { DataSource } from "typeorm";
import { metrics } from "../../../platform/metrics";

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

/** The depth of one outbox as its relay last read it: gauges serve it, so a scrape never queries a database. */
export interface OutboxDepth {
  type: string;
  consumer: string;
  status: string;
  count: number;
  oldestEnqueuedAt: Date;
}

const depths = new Map<string, OutboxDepth[]>();

/** Reads the outbox's PENDING and PARKED counts per (type, consumer) in one grouped query (the relay calls it). */
export async function readDepth(db: DataSource): Promise<OutboxDepth[]> {
  const rows: { type: string; consumer: string; status: string; n: number | string; oldest: Date | string }[] = await db.query(
    "SELECT `type`, `consumer`, `status`, COUNT(*) AS n, MIN(`enqueuedAt`) AS oldest FROM `outbox_deliveries` WHERE `status` IN ('PENDING', 'PARKED') GROUP BY `type`, `consumer`, `status`",
  );
  return rows.map((row) => ({ type: row.type, consumer: row.consumer, status: row.status, count: Number(row.n), oldestEnqueuedAt: asDate(row.oldest) }));
}

export function recordDepth(subgraph: string, rows: OutboxDepth[] | null): void {
  if (rows) depths.set(subgraph, rows);
  else depths.delete(subgraph);
}

function depthGauge(name: string, help: string, value: (row: OutboxDepth, at: number) => number | null) {
  return new Gauge({
    name,
    help,
    labelNames: LABELS,
    registers: [metrics],
    collect() {
      this.reset();
      const at = Date.now();
      for (const [subgraph, rows] of depths) {
        for (const row of rows) {
          const v = value(row, at);
          if (v !== null) this.labels(subgraph, row.type, row.consumer).set(v);
        }
      }
    },
  });
}

depthGauge("hub_outbox_pending_events", "Events waiting in an outbox for delivery (including retries), by producing subgraph, event type and consumer; read every few seconds", (row) =>
  row.status === "PENDING" ? row.count : null,
);
depthGauge("hub_outbox_parked_events", "Events parked in an outbox until an admin retries them, by producing subgraph, event type and consumer", (row) => (row.status === "PARKED" ? row.count : null));
depthGauge("hub_outbox_oldest_pending_age_seconds", "Age of the oldest event still waiting for delivery (the lag right now), by producing subgraph, event type and consumer", (row, at) =>
  row.status === "PENDING" ? Math.max(0, (at - row.oldestEnqueuedAt.getTime()) / 1000) : null,
);

// SQLite returns datetimes as text ("2026-12-03 14:00:00.000", UTC), mysql2 as Date
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(" ", "T")}Z`);
}
