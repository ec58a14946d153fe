import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createConnection } from "mysql2/promise";
import { AbstractLogger, DataSource, EntitySchema, LogLevel, LogMessage, MixedList, QueryRunner } from "typeorm";
import { sqlDuration, sqlStatementsTotal } from "../../platform/metrics";

/** Where a subgraph keeps its data: its own SQLite file, or its own database on a MySQL server. */
export type StoreConfig =
  | { kind: "sqlite"; file: string }
  | { kind: "mysql"; url: string; database: string; flavor?: MysqlFlavor };

/** MariaDB speaks MySQL but reports column defaults differently; TypeORM must be told which one it talks to. */
export type MysqlFlavor = "mysql" | "mariadb";

/** Counts the SQL statements a DataSource runs, so tests can prove batching and /metrics can report it. */
export class StatementCounter extends AbstractLogger {
  count = 0;
  private readonly statements;
  private readonly watchers = new Set<(query: string, parameters: unknown[]) => void>();

  constructor(subgraph: string) {
    super();
    this.statements = sqlStatementsTotal.labels(subgraph);
  }

  logQuery(query: string, parameters?: unknown[]): void {
    this.statements.inc();
    if (background.getStore()) return;
    this.count += 1;
    for (const watcher of this.watchers) watcher(query, parameters ?? []);
  }

  /** Hands every counted statement with its parameters to `watcher` until the returned function is called (tests EXPLAIN them). */
  watch(watcher: (query: string, parameters: unknown[]) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // statements are counted, not printed; errors surface through the query's own rejection
  }
}

const background = new AsyncLocalStorage<true>();
let backgroundRuns = 0;

/**
 * Runs `work` as background work (the outbox relay, metrics scrapes): its statements are not counted per
 * request, so a test that counts an operation's statements sees only the operation's.
 */
export async function uncounted<T>(work: () => Promise<T>): Promise<T> {
  backgroundRuns += 1;
  try {
    return await background.run(true, work);
  } finally {
    // an enabled AsyncLocalStorage makes Node 20 run a hook on every promise of every request (about 3% of a
    // subgraph's CPU in the bench's profile): it is on only while background work runs, and run() turns it on again
    if (--backgroundRuns === 0) background.disable();
  }
}

/** The store of one subgraph, read from `DATABASE_URL` (MySQL) or else a SQLite file under `dataDir`. */
export function storeFor(subgraph: string, options: { databaseUrl?: string; dataDir: string; databasePrefix: string }): StoreConfig {
  if (options.databaseUrl) return { kind: "mysql", url: options.databaseUrl, database: `${options.databasePrefix}${subgraph}` };
  return { kind: "sqlite", file: `${options.dataDir}/${subgraph}.sqlite` };
}

/** Creates the subgraph's database if missing and tells whether the server is MySQL or MariaDB. */
export async function prepareMysqlDatabase(url: string, database: string): Promise<MysqlFlavor> {
  const connection = await createConnection({ uri: url });
  try {
    // CREATE … IF NOT EXISTS needs the CREATE privilege even when the database exists: a least-privilege runtime
    // user (README, "Audit log") sees its database and never gets that far
    const [found] = await connection.query("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", [database]);
    if (!(found as unknown[]).length) await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database.replace(/`/g, "")}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [rows] = await connection.query("SELECT VERSION() AS version");
    return /mariadb/i.test(String((rows as { version: string }[])[0].version)) ? "mariadb" : "mysql";
  } finally {
    await connection.end();
  }
}

export interface DataSourceParts {
  /** The subgraph's name, the `subgraph` label of its SQL metrics. */
  name?: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** A DataSource for `store` that is not yet initialized (the migration tooling needs it raw). */
export function buildDataSource(store: StoreConfig, parts: DataSourceParts): DataSource {
  return timeStatements(createDataSource(store, parts, new StatementCounter(parts.name ?? "unnamed")), parts.name ?? "unnamed");
}

const TIMED = Symbol("timed");

/**
 * Times every statement into hub_sql_statement_duration_seconds. TypeORM reports a duration only to
 * `logQuerySlow`, and only above `maxQueryExecutionTime`, in whole milliseconds from Date.now(): most
 * statements here take well under a millisecond and would all read 0. So each query runner's `query` (which
 * every find, query builder, migration and raw `db.query` goes through) is wrapped with a high-resolution timer.
 * The driver creates the runners (SQLite reuses one for the whole store), hence the wrap there, and only once.
 */
function timeStatements(dataSource: DataSource, subgraph: string): DataSource {
  const durations = sqlDuration.labels(subgraph);
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode) as QueryRunner & { [TIMED]?: true };
    if (runner[TIMED]) return runner;
    const query = runner.query.bind(runner);
    runner.query = (async (...args: Parameters<QueryRunner["query"]>) => {
      const end = durations.startTimer();
      try {
        return await query(...args);
      } finally {
        end();
      }
    }) as QueryRunner["query"];
    runner[TIMED] = true;
    return runner;
  };
  return dataSource;
}

function createDataSource(store: StoreConfig, parts: DataSourceParts, logger: StatementCounter): DataSource {
  if (store.kind === "mysql") {
    const url = new URL(store.url);
    return new DataSource({
      type: store.flavor ?? "mysql",
      host: url.hostname,
      port: Number(url.port || 3306),
      username: decodeURIComponent(url.username || "root"),
      password: decodeURIComponent(url.password),
      database: store.database,
      timezone: "Z", // times are UTC in the database (STACK: mysql2 otherwise uses the local zone)
      charset: "utf8mb4_unicode_ci",
      entities: parts.entities,
      migrations: parts.migrations,
      migrationsTableName: "migrations",
      synchronize: false,
      logger,
      logging: true,
      // trace: mysql2 captures a stack trace for every statement to decorate a failure's stack, a cost each
      // statement pays (issue 12 point 7's profile); TypeORM's QueryFailedError already names the statement
      extra: { connectionLimit: 10, trace: false },
    });
  }
  if (store.file !== ":memory:") mkdirSync(dirname(store.file), { recursive: true });
  return new DataSource({
    type: "better-sqlite3",
    database: store.file,
    entities: parts.entities,
    synchronize: true, // the embedded store follows the entities; MySQL uses versioned migrations
    logger,
    logging: true,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma("journal_mode = WAL");
      db.pragma("busy_timeout = 5000");
    },
  });
}

/** Opens the subgraph's store: creates the MySQL database if missing and runs its migrations, or syncs SQLite. */
export async function openDataSource(store: StoreConfig, parts: DataSourceParts): Promise<DataSource> {
  const resolved: StoreConfig = store.kind === "mysql" ? { ...store, flavor: await prepareMysqlDatabase(store.url, store.database) } : store;
  const dataSource = buildDataSource(resolved, parts);
  await dataSource.initialize();
  if (store.kind === "mysql") await dataSource.runMigrations({ transaction: "each" });
  return dataSource;
}

/** The statement counter of a DataSource opened by this kit. */
export function statementCounter(dataSource: DataSource): StatementCounter {
  return dataSource.logger as StatementCounter;
}
