import { DeliveryStatus, OutboxDelivery } from "@kit/events";
import { freshTestStore, signedRequest, testStoreKind } from "@kit/testing";
import { eventually } from "../../support/eventually";
import { startLedger, startTally, Tally } from "../../support/event-subgraphs";
import { scrape, total } from "../../support/prometheus";

// Issue 11, points 2 and 4: two replicas of a producer on one MySQL database share one outbox; each claims
// deliveries with FOR UPDATE SKIP LOCKED and a lease, so every event reaches the consumer once and in order per
// aggregate. SQLite has one writer and one process per file: nothing to share there.
const onMysql = testStoreKind() === "mysql" ? describe : describe.skip;
const ADD = `mutation($a: String!, $n: Int!) { addNote(aggregateId: $a, n: $n) { id } }`;

onMysql("two producer replicas on one MySQL", () => {
  it("deliver every event exactly once, in order per aggregate", async () => {
    const store = await freshTestStore("ledger");
    const tally = await startTally(await freshTestStore("tally"));
    const peers = new Map([["tally", tally.url]]);
    const settings = { pollMs: 20, batchSize: 5 };
    const a = await startLedger(store, peers, settings);
    const b = await startLedger(store, peers, settings);
    const duplicatesBefore = total(await scrape(tally.url), "hub_inbox_duplicates_total", { subgraph: "tally" });
    try {
      const AGGREGATES = 10;
      const PER_AGGREGATE = 12;
      // both replicas take writes at once, as behind a load balancer; each aggregate's notes are written in order
      await Promise.all(
        [...Array(AGGREGATES).keys()].map(async (g) => {
          for (let n = 1; n <= PER_AGGREGATE; n++) {
            const { body } = await signedRequest((n + g) % 2 ? a.url : b.url, ADD, { a: `agg-${g}`, n });
            expect(body.errors).toBeUndefined();
          }
        }),
      );
      const all = AGGREGATES * PER_AGGREGATE;
      await eventually(async () => expect(await tally.db.getRepository(Tally).count()).toBe(all), 30_000, 100);
      const rows = await tally.db.getRepository(Tally).find({ order: { seq: "ASC" } });
      expect(new Set(rows.map((r) => r.eventId)).size).toBe(all);
      for (let g = 0; g < AGGREGATES; g++) {
        expect(rows.filter((r) => r.aggregateId === `agg-${g}`).map((r) => r.n)).toEqual([...Array(PER_AGGREGATE).keys()].map((i) => i + 1));
      }
      const deliveries = await a.db.getRepository(OutboxDelivery).find();
      expect(deliveries.every((d) => d.status === DeliveryStatus.DELIVERED && d.attempts === 1)).toBe(true);
      // both replicas took a share, and each event was sent once: no replica sent what the other had claimed
      expect(a.relay!.delivered + b.relay!.delivered).toBe(all);
      expect(a.relay!.delivered).toBeGreaterThan(0);
      expect(b.relay!.delivered).toBeGreaterThan(0);
      expect(total(await scrape(tally.url), "hub_inbox_duplicates_total", { subgraph: "tally" }) - duplicatesBefore).toBe(0);
    } finally {
      await a.stop();
      await b.stop();
      await tally.stop();
    }
  }, 90_000);
});
