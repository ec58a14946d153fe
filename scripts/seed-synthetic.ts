import { z } from "zod";
import { ConfigError, describeIssues } from "../platform/config";
import { SUBGRAPH_ENV } from "../subgraphs/kit/config";
import { storeFor } from "../subgraphs/kit/db";
import { CliIo, cliOptions, processIo } from "./org-sheets/cli";
import { DEFAULT_SEED, NonEmptyStoreError, seedSynthetic, SubgraphName } from "./synthetic/seed";

const usage = `Usage: npm run seed:synthetic -- [--scale 0.01…1] [--seed N] [--replace]

Bulk-loads the synthetic load-test dataset (DOMAIN §11) into each subgraph's own store, the ones
DATABASE_URL / DATABASE_PREFIX / DATA_DIR name as the subgraphs read them. Deterministic: the same seed and scale
give the same rows. At scale 1: 10,000 organizations, ≈103,000 people, ≈120,000 memberships (with supervisors and
leader-dependency signals), 100,000 service
records, 100,000 bookings, ≈20,000 enrollments, 2,000 applications.

  --scale    fraction of the full volumes, 0 < scale ≤ 1 (default 1)
  --seed     integer seed (default ${DEFAULT_SEED})
  --replace  empty the subgraphs' tables first; without it a store that holds any row is refused`;

// what the command reads of the subgraphs' environment: only where the stores are (it serves nothing, so no keys)
const storeEnv = z.object({ DATABASE_URL: SUBGRAPH_ENV.DATABASE_URL, DATABASE_PREFIX: SUBGRAPH_ENV.DATABASE_PREFIX, DATA_DIR: SUBGRAPH_ENV.DATA_DIR });

/** npm run seed:synthetic: returns the exit status. */
export async function runSeedSynthetic(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = processIo): Promise<number> {
  const values = cliOptions(argv, { scale: { type: "string" }, seed: { type: "string" }, replace: { type: "boolean" }, help: { type: "boolean" } } as const, usage, io);
  if (typeof values === "number") return values;
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!(scale > 0 && scale <= 1)) {
    io.err(`--scale: "${values.scale}" is not a number in (0, 1].\n\n${usage}\n`);
    return 2;
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    io.err(`--seed: "${values.seed}" is not a non-negative integer.\n\n${usage}\n`);
    return 2;
  }
  const parsed = storeEnv.safeParse(env);
  if (!parsed.success) {
    io.err(`${new ConfigError(`Invalid environment for the subgraphs' stores:\n${describeIssues(parsed.error)}`).message}\n`);
    return 2;
  }
  const { DATABASE_URL, DATABASE_PREFIX, DATA_DIR } = parsed.data;
  const names: SubgraphName[] = ["organizations", "academy", "venues", "funding"];
  const stores = Object.fromEntries(names.map((name) => [name, storeFor(name, { databaseUrl: DATABASE_URL, dataDir: DATA_DIR, databasePrefix: DATABASE_PREFIX })])) as Record<SubgraphName, ReturnType<typeof storeFor>>;
  try {
    const report = await seedSynthetic({ scale, seed, stores, replace: values.replace, log: (line) => io.out(`${line}\n`) });
    for (const name of names) {
      const store = stores[name];
      io.out(`\n${name} (${store.kind === "mysql" ? `MySQL database ${store.database}` : store.file}), ${(report.writeMs[name] / 1000).toFixed(1)} s\n`);
      for (const [table, count] of Object.entries(report.counts[name])) io.out(`  ${table.padEnd(24)} ${String(count).padStart(9)}\n`);
    }
    io.out(`\nDone in ${(report.totalMs / 1000).toFixed(1)} s (generation ${(report.generateMs / 1000).toFixed(1)} s).\n`);
    return 0;
  } catch (error) {
    if (error instanceof NonEmptyStoreError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) void runSeedSynthetic(process.argv.slice(2)).then((status) => process.exit(status));
