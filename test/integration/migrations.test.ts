import { openDataSource } from "@kit/db";
import { freshTestStore, testStoreKind } from "@kit/testing";
import { SUBGRAPHS } from "@scripts/subgraphs";

// On MySQL the schema comes only from the versioned migrations: after running them on an empty database,
// TypeORM must find nothing left to change against the entities.
const onMysql = testStoreKind() === "mysql" ? describe : describe.skip;

onMysql("MySQL migrations", () => {
  test.each(SUBGRAPHS.map((m) => [m.name, m] as const))("%s: migrations produce exactly what the entities describe", async (_name, module) => {
    const db = await openDataSource(await freshTestStore(`${module.name}_mig`), module);
    try {
      const applied = await db.query("SELECT name FROM migrations");
      expect(applied.length).toBeGreaterThan(0);
      const pending = await db.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
