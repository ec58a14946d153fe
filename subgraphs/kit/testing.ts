import { createPublicKey, KeyObject } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { DataSource } from "typeorm";
import { StoreConfig, statementCounter } from "./db";
import { ANONYMOUS_CLAIMS, Claims } from "../../platform/identity";
import { exportKey, GATEWAY_KEY_ID, newSigningKey, RequestSigner, signedHeaders } from "../../platform/request-signing";
import { CallerKeys } from "./request-auth";
import { RelayOptions, RunningSubgraph, startSubgraph, SubgraphModule } from "./server";

const TEST_SERVICES = ["organizations", "academy", "venues", "funding"];

/** The private keys tests sign with: made fresh in every process, never written anywhere. */
export const TEST_KEYS: { gateway: KeyObject; services: Record<string, KeyObject> } = {
  gateway: newSigningKey(),
  services: Object.fromEntries(TEST_SERVICES.map((name) => [name, newSigningKey()])),
};

/** What a test subgraph trusts: the test gateway's public key and every test service's. */
export const TEST_CALLER_KEYS: CallerKeys = {
  gateway: [createPublicKey(TEST_KEYS.gateway)],
  services: new Map(Object.entries(TEST_KEYS.services).map(([name, key]) => [name, createPublicKey(key)])),
};

/** The key variables of a subgraph process (entry-point tests) that trusts the test keys. */
export function testSubgraphKeyEnv(): Record<string, string> {
  return {
    HUB_GATEWAY_PUBLIC_KEY: TEST_CALLER_KEYS.gateway.map(exportKey).join(","),
    HUB_SERVICE_PUBLIC_KEYS: [...TEST_CALLER_KEYS.services].map(([name, key]) => `${name}:${exportKey(key)}`).join(","),
  };
}

/** The key variable of a gateway process that signs with the test gateway key. */
export function testGatewayKeyEnv(): Record<string, string> {
  return { HUB_GATEWAY_SIGNING_KEY: exportKey(TEST_KEYS.gateway) };
}

/** The test gateway's signer, or a test service's when `service` is set. */
export function testSigner(service: string | null = null): RequestSigner {
  if (service === null) return { keyId: GATEWAY_KEY_ID, key: TEST_KEYS.gateway };
  const key = TEST_KEYS.services[service];
  if (!key) throw new Error(`No test key for the service ${service}.`);
  return { keyId: service, key };
}

/** Which subgraph listens at a URL, for signing requests to it (`startTestSubgraph` records it). */
const subgraphAt = new Map<string, string>();

/** Records that `subgraph` listens at `url`, so that `signedRequest` signs requests for it. */
export function registerTestSubgraph(running: { name: string; url: string }): void {
  subgraphAt.set(running.url, running.name);
}

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
export async function startTestSubgraph(module: SubgraphModule, options: { seed?: boolean; store?: StoreConfig; events?: RelayOptions } = {}): Promise<RunningSubgraph> {
  const store = options.store ?? (await freshTestStore(module.name));
  const running = await startSubgraph(module, { store, callerKeys: TEST_CALLER_KEYS, port: 0, seed: options.seed, events: options.events });
  registerTestSubgraph(running);
  return running;
}

/**
 * Sends an operation straight to a subgraph, signed as the gateway would sign it, or, when the claims name a
 * `service`, as that service signs its calls (with its own test key, or `signer`).
 */
export async function signedRequest(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  claims: Partial<Claims> = {},
  signer: RequestSigner = testSigner(claims.service ?? null),
): Promise<{ status: number; body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const audience = subgraphAt.get(url);
  if (!audience) throw new Error(`signedRequest: no test subgraph is registered at ${url} (see registerTestSubgraph).`);
  const body = JSON.stringify({ query, variables });
  const full = { ...ANONYMOUS_CLAIMS, ...claims };
  const target = { method: "POST", path: new URL(url).pathname, audience };
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signedHeaders(signer, target, full, "test-request", body) },
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
