import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { DataSource } from "typeorm";
import { StoreConfig, statementCounter } from "./db";
import { ANONYMOUS_CLAIMS, Claims, signedHeaders } from "../../platform/identity";
import { RunningSubgraph, startSubgraph, SubgraphModule } from "./server";

/** The identity secret tests sign with. */
export const TEST_IDENTITY_SECRET = "test-identity-secret-0123456789abcdef";

/** Which store this test run uses: MySQL when DATABASE_URL is set, else SQLite. */
export const testStoreKind = (): "mysql" | "sqlite" => (process.env.DATABASE_URL ? "mysql" : "sqlite");

let storesMade = 0;

/**
 * A fresh, empty store for one subgraph in one jest worker: its own MySQL database (dropped first)
 * or a new SQLite file in a temp folder.
 */
export async function freshTestStore(subgraph: string): Promise<StoreConfig> {
  const url = process.env.DATABASE_URL;
  if (!url) return { kind: "sqlite", file: join(mkdtempSync(join(tmpdir(), "hub-test-")), `${subgraph}.sqlite`) };
  // DATABASE_PREFIX keeps two test runs on one server apart (CI and a developer, say)
  // one database per call, so a test file may hold two stores of one subgraph (a seeded one and an empty one)
  const database = `${process.env.DATABASE_PREFIX ?? "hubtest_"}w${process.env.JEST_WORKER_ID ?? "0"}_${++storesMade}_${subgraph}`;
  const connection = await createConnection({ uri: url });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
  return { kind: "mysql", url, database };
}

/** Starts one subgraph on a free port over a fresh store, optionally with its demo data. */
export async function startTestSubgraph(module: SubgraphModule, options: { seed?: boolean } = {}): Promise<RunningSubgraph> {
  return startSubgraph(module, { store: await freshTestStore(module.name), identitySecret: TEST_IDENTITY_SECRET, port: 0, seed: options.seed });
}

/** Sends an operation straight to a subgraph, signed as the gateway would sign it. */
export async function signedRequest(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  claims: Partial<Claims> = {},
  secret = TEST_IDENTITY_SECRET,
): Promise<{ status: number; body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signedHeaders(secret, { ...ANONYMOUS_CLAIMS, ...claims }, "test-request", body) },
    body,
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** Runs `action` and returns how many SQL statements `db` ran meanwhile. */
export async function countStatements(db: DataSource, action: () => Promise<unknown>): Promise<number> {
  const counter = statementCounter(db);
  const before = counter.count;
  await action();
  return counter.count - before;
}
