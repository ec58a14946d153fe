import { DataSource, EntityManager } from "typeorm";
import { buildDataSource } from "@kit/db";
import { Booking } from "@subgraphs/venues/bookings/booking.entity";
import { writeOutsideTransactions, writeTransaction } from "@kit/transaction";
import { bookingRow } from "@test/integration/venues/fixtures";

// better-sqlite3 is one connection that TypeORM shares between all callers: why the kit queues every subgraph's
// write transactions on SQLite (see subgraphs/kit/transaction.ts).
let db: DataSource;

beforeEach(async () => {
  db = buildDataSource({ kind: "sqlite", file: ":memory:" }, { entities: [Booking], migrations: [] });
  await db.initialize();
});
afterEach(() => db.destroy());

/** A check-then-insert that yields to the event loop between the two, as a slow request would. */
const checkThenInsert = (id: string) => async (tx: EntityManager) => {
  const seen = await tx.getRepository(Booking).count();
  await new Promise((resolve) => setImmediate(resolve));
  await tx.getRepository(Booking).insert(bookingRow({ id, roomId: "room_a", organizationId: "org_a", startsAt: new Date(0), endsAt: new Date(1) }));
  return seen;
};

test("plain TypeORM transactions on better-sqlite3 collide on the shared connection once a request yields mid-transaction", async () => {
  const results = await Promise.allSettled([db.transaction(checkThenInsert("bkg_a")), db.transaction(checkThenInsert("bkg_b"))]);
  const seen = results.filter((r): r is PromiseFulfilledResult<number> => r.status === "fulfilled").map((r) => r.value);
  // observed: "cannot start a transaction within a transaction", then the other's commit fails; never the serial [0, 1]
  expect(seen).not.toEqual([0, 1]);
});

test("writeTransaction runs them one at a time: the second sees what the first committed", async () => {
  const seen = await Promise.all([writeTransaction(db, checkThenInsert("bkg_a")), writeTransaction(db, checkThenInsert("bkg_b"))]);
  expect(seen).toEqual([0, 1]);
  expect(await db.getRepository(Booking).count()).toBe(2);
});

test("a failed transaction rolls back and does not block the queue", async () => {
  const failing = writeTransaction(db, async (tx) => {
    await checkThenInsert("bkg_a")(tx);
    throw new Error("rule broken");
  });
  await expect(failing).rejects.toThrow("rule broken");
  expect(await writeTransaction(db, checkThenInsert("bkg_b"))).toBe(0);
});

/** A transaction that writes, yields to the event loop (another request runs meanwhile), then fails. */
const failsAfterYielding = (tx: EntityManager) =>
  checkThenInsert("bkg_a")(tx).then(() => {
    throw new Error("rule broken");
  });
const auditLikeInsert = () => db.getRepository(Booking).insert(bookingRow({ id: "bkg_log", roomId: "room_a", organizationId: "org_a", startsAt: new Date(0), endsAt: new Date(1) }));

test("a plain write issued while another request's transaction is open joins it and vanishes with its rollback", async () => {
  const failing = db.transaction(failsAfterYielding);
  await new Promise((resolve) => setImmediate(resolve)); // the transaction has begun and is waiting
  const plain = auditLikeInsert().catch(() => undefined);
  await Promise.allSettled([failing, plain]);
  expect(await db.getRepository(Booking).findOneBy({ id: "bkg_log" })).toBeNull();
});

test("writeOutsideTransactions waits for the queued transactions, so the audit log's row outlives a rollback", async () => {
  const failing = writeTransaction(db, failsAfterYielding);
  await new Promise((resolve) => setImmediate(resolve));
  const logged = writeOutsideTransactions(db, auditLikeInsert);
  await expect(failing).rejects.toThrow("rule broken");
  await logged;
  expect((await db.getRepository(Booking).find()).map((b) => b.id)).toEqual(["bkg_log"]);
});
