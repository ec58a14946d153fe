import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { openDataSource, StoreConfig, storeFor } from "../../subgraphs/kit/db";
import { SUBGRAPHS } from "../subgraphs";
import { seedSynthetic } from "../synthetic/seed";

// Where the bench's hub keeps its data, and how that data gets there: a store per subgraph, then a dataset.

export type StoreKind = "mysql" | "sqlite";
export type DataKind = "demo" | "synthetic";

export interface BenchStores {
  kind: StoreKind;
  /** Each subgraph's store, by name. */
  byName: Record<string, StoreConfig>;
  /** What each process reads to find its store (DATABASE_URL + DATABASE_PREFIX, or DATA_DIR). */
  env: Record<string, string>;
  /** Where, in words, for the report. */
  where: string;
  /** Removes what only this run needed (the SQLite temp folder); MySQL databases stay until the next run. */
  cleanup(): void;
}

/** The bench refuses to run, with what to do instead. */
export class BenchRefusal extends Error {}

/**
 * Fresh, empty stores. On MySQL the bench owns the databases `<prefix><subgraph>` and drops them first, so the
 * prefix must start with "bench" (never a hub's or a test run's databases); on SQLite a new temp folder.
 */
export async function freshStores(kind: StoreKind, env: NodeJS.ProcessEnv): Promise<BenchStores> {
  if (kind === "sqlite") {
    const dataDir = mkdtempSync(join(tmpdir(), "hub-bench-"));
    const byName = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, storeFor(s.name, { dataDir, databasePrefix: "", databaseUrl: undefined })]));
    return { kind, byName, env: { DATA_DIR: dataDir }, where: `SQLite files in ${dataDir}`, cleanup: () => existsSync(dataDir) && rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = env.DATABASE_URL ?? "mysql://root@127.0.0.1:3306";
  const prefix = env.BENCH_DATABASE_PREFIX ?? "bench_";
  if (!/^bench[a-z0-9_]{0,15}$/.test(prefix)) {
    throw new BenchRefusal(`BENCH_DATABASE_PREFIX=${prefix}: the bench drops and recreates <prefix><subgraph> databases, so the prefix must start with "bench" (lowercase letters, digits, _), e.g. bench_.`);
  }
  let connection;
  try {
    connection = await createConnection({ uri: url, connectTimeout: 5000 });
  } catch (error) {
    throw new BenchRefusal(
      `MySQL at ${url.replace(/\/\/[^@/]*@/, "//…@")} is unreachable (${(error as Error).message}).\nStart it or point DATABASE_URL at one (mysql://user:password@host:3306), or measure the embedded store: npm run bench -- --store sqlite`,
    );
  }
  try {
    for (const s of SUBGRAPHS) await connection.query(`DROP DATABASE IF EXISTS \`${prefix}${s.name}\``);
    const [rows] = await connection.query("SELECT VERSION() AS version");
    const version = String((rows as { version: string }[])[0].version);
    const byName = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, storeFor(s.name, { databaseUrl: url, dataDir: "", databasePrefix: prefix })]));
    return { kind, byName, env: { DATABASE_URL: url, DATABASE_PREFIX: prefix }, where: `MySQL ${version}, databases ${prefix}<subgraph>`, cleanup: () => undefined };
  } finally {
    await connection.end();
  }
}

/** The demo data (DOMAIN §10): each store seeded as `startSubgraph(…, { seed: true })` does, before any process starts. */
async function loadDemoData(stores: BenchStores): Promise<void> {
  for (const module of SUBGRAPHS) {
    const db = await openDataSource(stores.byName[module.name], module);
    try {
      await module.seed(db);
    } finally {
      await db.destroy();
    }
  }
}

/** Refuses a dataset that cannot be loaded, before any store is dropped or created (both load here). */
export function checkData(data: DataKind): void {
  if (data !== "demo" && data !== "synthetic") throw new BenchRefusal(`--data ${String(data)}: demo or synthetic`);
}

/** The synthetic dataset (issue 12 point 1, DOMAIN §11), bulk-loaded into the fresh stores. */
async function loadSyntheticData(stores: BenchStores, options: { scale: number; seed: number }): Promise<void> {
  await seedSynthetic({ ...options, stores: stores.byName as Parameters<typeof seedSynthetic>[0]["stores"], log: (line) => process.stdout.write(`  ${line}\n`) });
}

/** Fills the fresh stores with the chosen dataset. */
export async function loadData(data: DataKind, stores: BenchStores, options: { scale: number; seed: number }): Promise<void> {
  if (data === "demo") await loadDemoData(stores);
  else await loadSyntheticData(stores, options);
}
