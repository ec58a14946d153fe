import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { openDataSource, StoreConfig, storeFor } from "../../subgraphs/kit/db";
import { SUBGRAPHS } from "../subgraphs";

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

const SYNTHETIC_ENTRY = join(__dirname, "..", "synthetic", "index.js");

/** Refuses a dataset that cannot be loaded, before any store is dropped or created. */
export function checkData(data: DataKind): void {
  if (data === "synthetic" && !existsSync(SYNTHETIC_ENTRY)) {
    throw new BenchRefusal("--data synthetic: the synthetic dataset generator (scripts/synthetic/, npm run seed:synthetic) is not on this branch yet; run npm run seed:synthetic first once it lands, or bench the demo data (--data demo, the default).");
  }
}

/**
 * The synthetic dataset (issue 12 point 1, DOMAIN §11): `seedSynthetic({ scale, seed, stores })` from
 * scripts/synthetic/, which is not on this branch yet. >>> WIRE IT HERE when it lands: import it statically and
 * call it with `stores.byName` (and drop checkData's test); until then the bench refuses --data synthetic. <<<
 */
async function loadSyntheticData(stores: BenchStores, options: { scale: number; seed: number }): Promise<void> {
  checkData("synthetic");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const generator = require(SYNTHETIC_ENTRY) as { seedSynthetic?: (args: { scale: number; seed: number; stores: Record<string, StoreConfig> }) => Promise<unknown> };
  if (typeof generator.seedSynthetic !== "function") throw new BenchRefusal(`${SYNTHETIC_ENTRY} exports no seedSynthetic({ scale, seed, stores })`);
  await generator.seedSynthetic({ ...options, stores: stores.byName });
}

/** Fills the fresh stores with the chosen dataset. */
export async function loadData(data: DataKind, stores: BenchStores, options: { scale: number; seed: number }): Promise<void> {
  if (data === "demo") await loadDemoData(stores);
  else await loadSyntheticData(stores, options);
}
