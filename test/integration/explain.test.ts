import { pinClock } from "@kit/clock";
import { statementCounter, StoreConfig } from "@kit/db";
import { RunningSubgraph } from "@kit/server";
import { freshTestStore, startTestSubgraph, testStoreKind } from "@kit/testing";
import { mintToken } from "@gateway/auth";
import { Listening } from "@platform/http";
import { benchOperations, ReadOperation } from "@scripts/bench/operations";
import { benchSubjects } from "@scripts/bench/subjects";
import { SUBGRAPHS } from "@scripts/subgraphs";
import { seedSynthetic, SubgraphName } from "@scripts/synthetic/seed";
import { startTestGateway, TEST_JWT_SECRET } from "@test/support/hub";

// Issue 12 point 7: every filter and sort of the bench's read operations is backed by an index. The bench's
// operations run through the gateway over the synthetic dataset; every SELECT the subgraphs run is EXPLAINed, and
// a full scan (type ALL) of a large table fails the test, naming the operation, the table and the statement.

/** Big enough for MariaDB to prefer an index wherever one serves (at 0.02 it scans tables of a few hundred rows), quick to load. */
const SCALE = 0.05;
/** A table is large when it holds at least this many rows per unit of scale (10,000 organizations at scale 1 …). */
const LARGE_AT_SCALE_1 = 2_000;
const HUB_NOW = new Date("2022-03-12T09:00:00+08:00");

interface Statement {
  subgraph: string;
  sql: string;
  parameters: unknown[];
}

interface ExplainRow {
  table: string | null;
  type: string | null;
  key: string | null;
}

/** `FROM `table` `alias`` and `JOIN `table` `alias``: EXPLAIN names a table by its alias. */
function tablesByAlias(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of sql.matchAll(/(?:FROM|JOIN)\s+`(\w+)`(?:\s+(?:AS\s+)?`(\w+)`)?/gi)) aliases.set(match[2] ?? match[1], match[1]);
  return aliases;
}

const onMysql = testStoreKind() === "mysql";
const describeOnMysql = onMysql ? describe : describe.skip;

if (!onMysql) {
  test.skip("EXPLAIN needs MySQL/MariaDB (DATABASE_URL): the bench measures that store, and SQLite's planner and EXPLAIN are another", () => undefined);
}

describeOnMysql("the bench's read operations use indexes (EXPLAIN over the synthetic dataset)", () => {
  const subgraphs: Record<string, RunningSubgraph> = {};
  let gateway: Listening;
  let operations: ReadOperation[];
  const largeTables = new Map<string, Set<string>>();

  beforeAll(async () => {
    const stores = {} as Record<SubgraphName, StoreConfig>;
    for (const module of SUBGRAPHS) stores[module.name as SubgraphName] = await freshTestStore(module.name);
    await seedSynthetic({ scale: SCALE, stores });
    pinClock(HUB_NOW);
    for (const module of SUBGRAPHS) subgraphs[module.name] = await startTestSubgraph(module, { store: stores[module.name as SubgraphName] });
    gateway = await startTestGateway(Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])));
    const subjects = await benchSubjects("synthetic", { organizations: subgraphs.organizations.db, venues: subgraphs.venues.db });
    operations = benchOperations(subjects).filter((o): o is ReadOperation => o.kind === "read");
    for (const { name, db } of Object.values(subgraphs)) {
      const large = new Set<string>();
      for (const { tableName } of db.entityMetadatas) {
        const [{ n }] = (await db.query(`SELECT COUNT(*) AS n FROM \`${tableName}\``)) as { n: number | string }[];
        if (Number(n) >= LARGE_AT_SCALE_1 * SCALE) large.add(tableName);
      }
      largeTables.set(name, large);
    }
  }, 240_000);

  afterAll(async () => {
    await gateway?.stop();
    for (const running of Object.values(subgraphs)) await running.stop();
    pinClock(null);
  });

  /** The operation through the gateway, with every statement the subgraphs ran for it. */
  async function statementsOf(operation: ReadOperation): Promise<Statement[]> {
    const statements: Statement[] = [];
    const stopWatching = Object.values(subgraphs).map(({ name, db }) => statementCounter(db).watch((sql, parameters) => statements.push({ subgraph: name, sql, parameters })));
    try {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (operation.caller.token) headers.authorization = `Bearer ${await mintToken(TEST_JWT_SECRET, operation.caller.token)}`;
      const response = await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify({ query: operation.query, variables: operation.variables }) });
      const body = (await response.json()) as { errors?: unknown[] };
      expect(body.errors).toBeUndefined();
    } finally {
      for (const stop of stopWatching) stop();
    }
    return statements;
  }

  test("no SELECT scans a large table in full", async () => {
    const scans: string[] = [];
    let explained = 0;
    for (const operation of operations) {
      for (const { subgraph, sql, parameters } of await statementsOf(operation)) {
        if (!/^\s*SELECT\b/i.test(sql)) continue;
        explained += 1;
        const plan = (await subgraphs[subgraph].db.query(`EXPLAIN ${sql}`, parameters)) as ExplainRow[];
        const aliases = tablesByAlias(sql);
        for (const row of plan) {
          const table = aliases.get(row.table ?? "") ?? row.table ?? "";
          if (row.type === "ALL" && largeTables.get(subgraph)!.has(table)) scans.push(`${operation.name}: ${subgraph}.${table} scanned in full by\n  ${sql.slice(0, 600)}`);
        }
      }
    }
    expect(explained).toBeGreaterThan(operations.length);
    expect(scans).toEqual([]);
  }, 120_000);
});
