import { createConnection } from "mysql2/promise";
import { openDataSource } from "@kit/db";
import { RunningSubgraph, startSubgraph } from "@kit/server";
import { freshTestStore, registerTestSubgraph, signedRequest, TEST_CALLER_KEYS, testStoreKind } from "@kit/testing";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { eligibilityEvent, VENUES_RECEIVE_EVENT } from "@test/support/events";

// The production recipe of the README ("Audit log"): migrations applied by an admin, the subgraph run as a MySQL
// user that may only read and insert audit_entries. The subgraph must work so (the kit never updates or deletes an
// entry), and the database itself then refuses to change the log.
const onMysql = testStoreKind() === "mysql" ? describe : describe.skip;

onMysql("an append-only audit log on MySQL", () => {
  const user = `${process.env.DATABASE_PREFIX ?? "hubtest_"}aud_w${process.env.JEST_WORKER_ID ?? "0"}`.slice(0, 32);
  const password = "audit-runtime-password";
  let database: string;
  let subgraph: RunningSubgraph | undefined;
  let admin: Awaited<ReturnType<typeof createConnection>>;

  beforeAll(async () => {
    const store = await freshTestStore("venues_audit");
    if (store.kind !== "mysql") throw new Error("unreachable");
    database = store.database;
    await (await openDataSource(store, venuesSubgraph)).destroy(); // the admin applies the migrations
    admin = await createConnection({ uri: process.env.DATABASE_URL! });
    await admin.query(`DROP USER IF EXISTS '${user}'@'127.0.0.1'`);
    await admin.query(`CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY '${password}'`);
    const [tables] = (await admin.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", [database])) as unknown as [{ name: string }[]];
    for (const { name } of tables) {
      const privileges = name === "audit_entries" ? "SELECT, INSERT" : name === "migrations" ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE";
      await admin.query(`GRANT ${privileges} ON \`${database}\`.\`${name}\` TO '${user}'@'127.0.0.1'`);
    }
    const url = new URL(process.env.DATABASE_URL!);
    url.username = user;
    url.password = password;
    subgraph = await startSubgraph(venuesSubgraph, { store: { kind: "mysql", url: url.toString().replace(/\/$/, ""), database }, callerKeys: TEST_CALLER_KEYS, port: 0 });
    registerTestSubgraph(subgraph);
  }, 60_000);

  afterAll(async () => {
    await subgraph?.stop();
    await admin?.query(`DROP USER IF EXISTS '${user}'@'127.0.0.1'`);
    await admin?.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin?.end();
  });

  test("the subgraph runs and records its mutations; the same user cannot update or delete an entry", async () => {
    const { body } = await signedRequest(subgraph!.url, VENUES_RECEIVE_EVENT, eligibilityEvent("org_t_audit"), { service: "organizations" });
    expect(body.errors).toBeUndefined();
    const db = subgraph!.db;
    expect(await db.query("SELECT field, service, outcome FROM audit_entries")).toEqual([{ field: "venuesReceiveEvent", service: "organizations", outcome: "OK" }]);

    await expect(db.query("UPDATE audit_entries SET outcome = 'FORBIDDEN'")).rejects.toThrow(/UPDATE command denied/);
    await expect(db.query("DELETE FROM audit_entries")).rejects.toThrow(/DELETE command denied/);
    await expect(db.query("TRUNCATE TABLE audit_entries")).rejects.toThrow(/DROP command denied/);
    expect(Number((await db.query("SELECT COUNT(*) AS n FROM audit_entries"))[0].n)).toBe(1);
  });
});
