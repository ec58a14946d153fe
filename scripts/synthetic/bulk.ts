import { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

// SQLite allows 32,766 bound parameters per statement; MySQL's limit is 65,535. Staying under the smaller keeps one
// chunking rule for both stores.
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 1_000;

/** The rows of one table, in the order they are written. */
export interface TableLoad {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entity: Function;
  rows: ObjectLiteral[];
}

/** The name of an entity's table. */
export const tableOf = (db: DataSource, entity: EntityTarget<ObjectLiteral>) => db.getMetadata(entity).tableName;

/**
 * Writes `rows` as multi-row INSERTs of up to 1,000 rows (fewer for wide tables), all in one transaction per table:
 * the subgraph's own entity metadata turns values into columns (simple-json, enums, datetime(3)), and no entity is
 * read back (`updateEntity(false)`), which is most of what a repository save costs.
 */
export async function insertChunked(db: DataSource, { entity, rows }: TableLoad): Promise<number> {
  if (!rows.length) return 0;
  const columns = db.getMetadata(entity).columns.length;
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns)));
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += size) {
      await tx.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + size)).updateEntity(false).execute();
    }
  });
  return rows.length;
}

/** Tables of `db` that hold rows, with their counts (the store is "not empty" when any does). */
export async function nonEmptyTables(db: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const meta of db.entityMetadatas) {
    const count = await db.getRepository(meta.target).count();
    if (count > 0) out[meta.tableName] = count;
  }
  return out;
}

/** Empties every table of the subgraph's entities (TRUNCATE on MySQL, DELETE on SQLite); migrations stay applied. */
export async function emptyTables(db: DataSource): Promise<void> {
  for (const meta of db.entityMetadatas) await db.getRepository(meta.target).clear();
}

/** Rows per table as the store now holds them. */
export async function countRows(db: DataSource, loads: TableLoad[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { entity } of loads) out[tableOf(db, entity)] = await db.getRepository(entity).count();
  return out;
}
