import { DataSource } from "typeorm";
import { DeliveryStatus, InboxEntry, OutboxDelivery, OutboxEvent, OutboxRelay } from "@kit/events";
import { newId } from "@kit/ids";
import { RunningSubgraph } from "@kit/server";
import { freshTestStore, signedRequest } from "@kit/testing";
import { StoreConfig } from "@kit/db";
import { log, logTo } from "@platform/log";
import { eventually, pause } from "../../support/eventually";
import { FAST_RELAY, LEDGER_KEY, Note, startLedger, startTally, Tally, tallyBehaviour } from "../../support/event-subgraphs";
import { scrape, total } from "../../support/prometheus";

// Issue 11, points 1–4 and 7–8: the kit's outbox, relay and inbox between two test subgraphs (ledger → tally).
const FA = { personId: "per_t_fa", roles: ["FEDERATION_ADMIN" as const], orgIds: ["org_t_federation"] };
const ADD = `mutation($a: String!, $n: Int!, $fail: Boolean) { addNote(aggregateId: $a, n: $n, fail: $fail) { id } }`;

describe("the outbox between two subgraphs", () => {
  let ledgerStore: StoreConfig;
  let tallyStore: StoreConfig;
  let ledger: RunningSubgraph;
  let tally: RunningSubgraph;
  const peers = new Map<string, string>();

  const deliveries = (db: DataSource = ledger.db) => db.getRepository(OutboxDelivery).find({ order: { seq: "ASC" } });
  const tallies = () => tally.db.getRepository(Tally).find({ order: { seq: "ASC" } });
  const add = async (aggregateId: string, n: number, fail = false) => {
    const { body } = await signedRequest(ledger.url, ADD, { a: aggregateId, n, fail });
    return body;
  };

  beforeAll(async () => {
    ledgerStore = await freshTestStore("ledger");
    tallyStore = await freshTestStore("tally");
    tally = await startTally(tallyStore);
    peers.set("tally", tally.url);
    ledger = await startLedger(ledgerStore, peers);
  }, 60_000);

  afterAll(async () => {
    await ledger?.stop();
    await tally?.stop();
  });

  beforeEach(() => {
    tallyBehaviour.failOn = null;
  });

  it("writes the event in the mutation's transaction and delivers it once, without the caller waiting for it", async () => {
    const body = await add("agg-1", 1);
    expect(body.errors).toBeUndefined();
    const [event] = await ledger.db.getRepository(OutboxEvent).findBy({ aggregateId: "agg-1" });
    expect(event).toMatchObject({ type: "NoteAdded", version: 1, aggregateId: "agg-1", requestId: "test-request" });
    expect(JSON.parse(event.payload)).toEqual({ noteId: body.data.addNote.id, n: 1 });
    await eventually(async () => expect((await tallies()).filter((t) => t.aggregateId === "agg-1")).toEqual([expect.objectContaining({ eventId: event.id, n: 1 })]));
    await eventually(async () => expect((await deliveries()).find((d) => d.eventId === event.id)).toMatchObject({ status: DeliveryStatus.DELIVERED, attempts: 1, consumer: "tally" }));
    expect(await tally.db.getRepository(InboxEntry).findOneBy({ eventId: event.id })).toMatchObject({ producer: "ledger", type: "NoteAdded" });
  });

  it("keeps nothing of a mutation that fails: no note, no event, no delivery", async () => {
    const body = await add("agg-fail", 7, true);
    expect(body.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(await ledger.db.getRepository(Note).countBy({ aggregateId: "agg-fail" })).toBe(0);
    expect(await ledger.db.getRepository(OutboxEvent).countBy({ aggregateId: "agg-fail" })).toBe(0);
    expect(await ledger.db.getRepository(OutboxDelivery).countBy({ aggregateId: "agg-fail" })).toBe(0);
  });

  it("delivers one aggregate's events in the order they were written", async () => {
    for (let n = 1; n <= 15; n++) await add("agg-order", n);
    await eventually(async () => expect((await tallies()).filter((t) => t.aggregateId === "agg-order").map((t) => t.n)).toEqual([...Array(15).keys()].map((i) => i + 1)));
  });

  it("applies a redelivered event once: the inbox acknowledges the duplicate", async () => {
    await add("agg-dup", 1);
    const event = await eventually(async () => {
      const [row] = await ledger.db.getRepository(OutboxEvent).findBy({ aggregateId: "agg-dup" });
      expect((await tallies()).some((t) => t.eventId === row.id)).toBe(true);
      return row;
    });
    const again = await signedRequest(
      tally.url,
      `mutation($id: ID!, $type: String!, $v: Int!, $a: ID!, $at: DateTime!, $p: String!) { tallyReceiveEvent(id: $id, type: $type, version: $v, aggregateId: $a, occurredAt: $at, payload: $p) }`,
      { id: event.id, type: event.type, v: 1, a: event.aggregateId, at: event.occurredAt.toISOString(), p: event.payload },
      { service: "ledger" },
      { keyId: "ledger", key: LEDGER_KEY },
    );
    expect(again.body).toEqual({ data: { tallyReceiveEvent: false } });
    expect((await tallies()).filter((t) => t.eventId === event.id)).toHaveLength(1);
    expect(total(await scrape(tally.url), "hub_inbox_duplicates_total", { subgraph: "tally", type: "NoteAdded" })).toBeGreaterThanOrEqual(1);
  });

  it("refuses a delivery from anyone but the producer the catalog names", async () => {
    const asGateway = await signedRequest(tally.url, `mutation { tallyReceiveEvent(id: "${newId("OutboxEvent")}", type: "NoteAdded", version: 1, aggregateId: "x", occurredAt: "2022-03-12T01:00:00Z", payload: "{}") }`, {}, FA);
    expect(asGateway.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("retries while the consumer is down and delivers once it is back, applied once", async () => {
    const port = Number(new URL(tally.url).port);
    await tally.stop();
    await add("agg-down", 1);
    // a few failed attempts with backoff, each one logged with the event and request ids
    const lines: string[] = [];
    const restore = logTo({ write: (line: string) => lines.push(line) });
    const level = log.level;
    log.level = "warn";
    try {
      await eventually(async () => {
        // attempts count when a delivery is claimed; the failure is recorded when the call has failed
        expect((await deliveries()).find((d) => d.aggregateId === "agg-down")).toMatchObject({ status: DeliveryStatus.PENDING, lastError: expect.stringMatching(/tally unreachable/) });
        expect(total(await scrape(ledger.url), "hub_outbox_delivery_failures_total", { subgraph: "ledger", type: "NoteAdded", consumer: "tally" })).toBeGreaterThanOrEqual(2);
      }, 10_000);
    } finally {
      log.level = level;
      restore();
    }
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg?.startsWith("event delivery failed") && entry.consumer === "tally");
    expect(failure).toMatchObject({ eventId: expect.stringMatching(/^evt_/), requestId: expect.stringMatching(/^evt-/), type: "NoteAdded", parked: false });
    // the depth gauges are read by the relay every few seconds, not by the scrape
    await eventually(async () => {
      const metrics = await scrape(ledger.url);
      expect(total(metrics, "hub_outbox_pending_events", { subgraph: "ledger", type: "NoteAdded", consumer: "tally" })).toBeGreaterThanOrEqual(1);
      expect(total(metrics, "hub_outbox_oldest_pending_age_seconds", { subgraph: "ledger", consumer: "tally" })).toBeGreaterThan(0);
    }, 10_000);

    tally = await startTally(tallyStore, port);
    await eventually(async () => expect((await tallies()).filter((t) => t.aggregateId === "agg-down")).toHaveLength(1), 10_000);
    await eventually(async () => expect((await deliveries()).find((d) => d.aggregateId === "agg-down")?.status).toBe(DeliveryStatus.DELIVERED));
    const lag = total(await scrape(ledger.url), "hub_outbox_delivery_lag_seconds_count", { subgraph: "ledger", type: "NoteAdded", consumer: "tally" });
    expect(lag).toBeGreaterThanOrEqual(1);
  });

  it("parks an event after maxAttempts failures, holds back that aggregate's later events meanwhile, and an admin's retry delivers it", async () => {
    tallyBehaviour.failOn = 101;
    await add("agg-park", 101);
    await add("agg-park", 102);
    await add("agg-other", 103);
    const parkNs = async () => (await tallies()).filter((t) => t.aggregateId === "agg-park").map((t) => t.n);
    // while 101 is retried, 102 of the same aggregate waits; another aggregate's event goes by
    await eventually(async () => expect((await tallies()).some((t) => t.n === 103)).toBe(true));
    expect(await parkNs()).toEqual([]);
    const parked = await eventually(async () => {
      const row = (await deliveries()).find((d) => d.aggregateId === "agg-park");
      expect(row).toMatchObject({ status: DeliveryStatus.PARKED, attempts: FAST_RELAY.maxAttempts, lastError: expect.stringMatching(/INTERNAL_SERVER_ERROR/) });
      return row!;
    }, 15_000);
    const listed = await signedRequest(ledger.url, `{ ledgerOutbox { totalCount nodes { id eventId type aggregateId consumer status attempts lastError } } }`, {}, FA);
    expect(listed.body.data.ledgerOutbox.nodes).toContainEqual(expect.objectContaining({ id: `dlv_${parked.seq}`, status: "PARKED", consumer: "tally", type: "NoteAdded", attempts: FAST_RELAY.maxAttempts }));
    await eventually(async () => expect(total(await scrape(ledger.url), "hub_outbox_parked_events", { subgraph: "ledger", type: "NoteAdded", consumer: "tally" })).toBeGreaterThanOrEqual(1), 10_000);
    expect(total(await scrape(ledger.url), "hub_outbox_parked_total", { subgraph: "ledger", type: "NoteAdded", consumer: "tally" })).toBeGreaterThanOrEqual(1);
    // a parked event no longer holds its aggregate back
    await eventually(async () => expect(await parkNs()).toEqual([102]), 10_000);

    tallyBehaviour.failOn = null;
    const retried = await signedRequest(ledger.url, `mutation($id: ID!) { ledgerRetryDelivery(id: $id) { id status attempts } }`, { id: `dlv_${parked.seq}` }, FA);
    expect(retried.body.data.ledgerRetryDelivery).toEqual({ id: `dlv_${parked.seq}`, status: "PENDING", attempts: 0 });
    await eventually(async () => expect((await parkNs()).sort()).toEqual([101, 102]), 10_000);
    const again = await signedRequest(ledger.url, `mutation($id: ID!) { ledgerRetryDelivery(id: $id) { id } }`, { id: `dlv_${parked.seq}` }, FA);
    expect(again.body.errors?.[0].extensions?.code).toBe("CONFLICT");
  });

  it("parks a malformed event at once and never retries it", async () => {
    const id = newId("OutboxEvent");
    await ledger.db.transaction(async (tx) => {
      // what a buggy producer version could have written: a payload the contract refuses
      await tx.getRepository(OutboxEvent).insert({ id, type: "NoteAdded", version: 1, aggregateId: "agg-bad", payload: JSON.stringify({ noteId: 5 }), occurredAt: new Date(), requestId: null });
      const at = new Date();
      await tx.getRepository(OutboxDelivery).insert({ eventId: id, type: "NoteAdded", aggregateId: "agg-bad", consumer: "tally", status: DeliveryStatus.PENDING, attempts: 0, enqueuedAt: at, nextAttemptAt: at, leaseUntil: null, deliveredAt: null, lastError: null });
    });
    ledger.relay!.wake();
    await eventually(async () => expect((await deliveries()).find((d) => d.eventId === id)).toMatchObject({ status: DeliveryStatus.PARKED, attempts: 1, lastError: expect.stringMatching(/BAD_USER_INPUT.*noteId/) }));
    await pause(FAST_RELAY.pollMs! * 6);
    expect((await deliveries()).find((d) => d.eventId === id)?.attempts).toBe(1);
    expect(await tally.db.getRepository(InboxEntry).countBy({ eventId: id })).toBe(0);
  });

  it("prunes delivered events and old inbox entries, never pending or parked ones", async () => {
    await eventually(async () => expect((await deliveries()).some((d) => d.status === DeliveryStatus.DELIVERED)).toBe(true));
    const kept = (await deliveries()).filter((d) => d.status !== DeliveryStatus.DELIVERED);
    await ledger.relay!.stop(); // no delivery races the count below
    await ledger.relay!.prune(0);
    expect(await deliveries()).toEqual(kept);
    expect((await ledger.db.getRepository(OutboxEvent).find()).map((e) => e.id).sort()).toEqual([...new Set(kept.map((d) => d.eventId))].sort());
    await new OutboxRelay("tally", tally.db, new Map(), null).prune(0);
    expect(await tally.db.getRepository(InboxEntry).count()).toBe(0);
    expect((await tallies()).length).toBeGreaterThan(0); // what the events did stays
  });

  it("drops the gateway's cache invalidations once older than the longest cache lifetime, delivered or not", async () => {
    const at = new Date();
    const hoursAgo = (hours: number) => new Date(at.getTime() - hours * 3600_000);
    const ids = [newId("OutboxEvent"), newId("OutboxEvent")];
    await ledger.db.transaction(async (tx) => {
      for (const [i, enqueuedAt] of [hoursAgo(2), at].entries()) {
        await tx.getRepository(OutboxEvent).insert({ id: ids[i], type: "RoomBookingsChanged", version: 1, aggregateId: "room_x", payload: "{}", occurredAt: enqueuedAt, requestId: null });
        // a gateway that was never given a receiver URL: PENDING, never claimed (the ledger has no gateway peer)
        await tx.getRepository(OutboxDelivery).insert({ eventId: ids[i], type: "RoomBookingsChanged", aggregateId: "room_x", consumer: "gateway", status: DeliveryStatus.PENDING, attempts: 0, enqueuedAt, nextAttemptAt: enqueuedAt, leaseUntil: null, deliveredAt: null, lastError: null });
      }
    });
    await ledger.relay!.prune(); // the retention of a week: only the cache rule can drop the 2-hour-old one
    const left = (await deliveries()).filter((d) => d.consumer === "gateway").map((d) => d.eventId);
    expect(left).toEqual([ids[1]]);
    expect(await ledger.db.getRepository(OutboxEvent).countBy({ id: ids[0] })).toBe(0);
  });

  it("lets only federation admins list and retry the outbox", async () => {
    const asLeader = await signedRequest(ledger.url, `{ ledgerOutbox { totalCount } }`, {}, { personId: "per_t", roles: ["ORG_LEADER"], orgIds: ["org_t"] });
    expect(asLeader.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const retry = await signedRequest(ledger.url, `mutation { ledgerRetryDelivery(id: "dlv_1") { id } }`, {}, {});
    expect(retry.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const bad = await signedRequest(ledger.url, `mutation { ledgerRetryDelivery(id: "1; DROP") { id } }`, {}, FA);
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringMatching(/dlv_/) });
  });
});

describe("an outbox that survives its producer", () => {
  it("delivers after a restart what was committed before the producer went away, applied once", async () => {
    const ledgerStore = await freshTestStore("ledger");
    const tally = await startTally(await freshTestStore("tally"));
    const peers = new Map([["tally", tally.url]]);
    // the first process commits but never delivers: it has no relay, as if it died right after the commit
    const first = await startLedger(ledgerStore, null);
    try {
      for (let n = 1; n <= 3; n++) await signedRequest(first.url, ADD, { a: "agg-crash", n });
    } finally {
      await first.stop();
    }
    expect(await tally.db.getRepository(Tally).count()).toBe(0);
    const second = await startLedger(ledgerStore, peers);
    try {
      await eventually(async () => expect((await tally.db.getRepository(Tally).find({ order: { seq: "ASC" } })).map((t) => t.n)).toEqual([1, 2, 3]), 10_000);
      // a delivery claimed by a relay that died mid-call (its lease still running) is taken over once the lease ends
      const [row] = await second.db.getRepository(OutboxDelivery).find({ order: { seq: "DESC" }, take: 1 });
      await second.relay!.stop();
      await second.db.getRepository(OutboxDelivery).update({ seq: row.seq }, { status: DeliveryStatus.PENDING, leaseUntil: new Date(Date.now() + 300) });
    } finally {
      await second.stop();
    }
    const third = await startLedger(ledgerStore, peers);
    try {
      await eventually(async () => expect((await third.db.getRepository(OutboxDelivery).find()).every((d) => d.status === DeliveryStatus.DELIVERED)).toBe(true), 10_000);
      expect((await tally.db.getRepository(Tally).find({ order: { seq: "ASC" } })).map((t) => t.n)).toEqual([1, 2, 3]);
      expect(total(await scrape(tally.url), "hub_inbox_duplicates_total", { subgraph: "tally" })).toBeGreaterThanOrEqual(1);
    } finally {
      await third.stop();
      await tally.stop();
    }
  }, 60_000);
});
