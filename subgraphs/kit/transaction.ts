import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";

const queues = new WeakMap<DataSource, Promise<unknown>>();

const isSqlite = (db: DataSource) => db.options.type === "better-sqlite3";

/**
 * Runs one mutation's writes in one transaction: every subgraph's mutations go through here.
 * MySQL: READ COMMITTED, so that each read after a `lockForWrite` sees what the transaction that held the lock
 * committed (under REPEATABLE READ an earlier read would pin an older snapshot).
 * SQLite: better-sqlite3 is one connection and TypeORM hands every caller the same query runner. Its calls are
 * synchronous, so transactions interleave only when one yields to the event loop mid-way; then the second fails
 * ("cannot start a transaction within a transaction") or reads the first one's uncommitted rows, and C1 would rest
 * on timing. Write transactions are therefore queued one at a time per DataSource (test/unit/kit/transaction.test.ts).
 */
export function writeTransaction<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const hooks: (() => void)[] = [];
  const body = (tx: EntityManager) => {
    commitHooks.set(tx, hooks);
    return work(tx);
  };
  let run: Promise<T>;
  if (!isSqlite(db)) run = db.transaction("READ COMMITTED", body);
  else {
    run = (queues.get(db) ?? Promise.resolve()).then(() => db.transaction(body));
    queues.set(
      db,
      run.catch(() => undefined),
    );
  }
  return run.then((result) => {
    for (const hook of hooks) hook();
    return result;
  });
}

const commitHooks = new WeakMap<EntityManager, (() => void)[]>();

/**
 * Runs `hook` once the writeTransaction of `tx` has committed, never when it rolls back: the outbox wakes its
 * relay this way, so an event goes out as soon as other connections can see it.
 */
export function afterCommit(tx: EntityManager, hook: () => void): void {
  const hooks = commitHooks.get(tx);
  if (!hooks) throw new Error("afterCommit needs the EntityManager of a writeTransaction.");
  hooks.push(hook);
}

/**
 * Runs one write outside any transaction (the audit log's insert, which must outlive a mutation that rolled back).
 * SQLite: after the queued write transactions, since a statement issued while another one is open on the single
 * connection would join it and vanish with its rollback. MySQL: on a pooled connection of its own, autocommitted.
 */
export function writeOutsideTransactions<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  if (!isSqlite(db)) return work();
  const run = (queues.get(db) ?? Promise.resolve()).then(work);
  queues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

/** `SELECT … FOR UPDATE` on MySQL; SQLite needs no row lock because writers are already serialised. */
export function lockForWrite<T extends ObjectLiteral>(tx: EntityManager, query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return isSqlite(tx.connection) ? query : query.setLock("pessimistic_write");
}

/** `FOR UPDATE SKIP LOCKED` on MySQL (MySQL 8, MariaDB 10.6+): claim rows no other transaction holds. SQLite has one writer. */
export function lockForWriteSkipLocked<T extends ObjectLiteral>(tx: EntityManager, query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return isSqlite(tx.connection) ? query : query.setLock("pessimistic_write").setOnLocked("skip_locked");
}
