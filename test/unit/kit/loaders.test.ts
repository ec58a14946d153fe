import { Column, DataSource, Entity, In, PrimaryColumn } from "typeorm";
import { buildDataSource } from "@kit/db";
import { rowsGroupedByKey } from "@kit/loaders";
import { countStatements } from "@kit/testing";

/** A to-many row as the subgraphs have them: an owner key, a status and something to order by. */
@Entity()
class Item {
  @PrimaryColumn()
  id: string;

  @Column()
  ownerId: string;

  @Column()
  status: string;

  @Column()
  rank: number;
}

let db: DataSource;

beforeAll(async () => {
  db = buildDataSource({ kind: "sqlite", file: ":memory:" }, { entities: [Item], migrations: [] });
  await db.initialize();
  await db.getRepository(Item).insert([
    { id: "i1", ownerId: "a", status: "OPEN", rank: 2 },
    { id: "i2", ownerId: "b", status: "OPEN", rank: 1 },
    { id: "i3", ownerId: "a", status: "CLOSED", rank: 3 },
    { id: "i4", ownerId: "a", status: "OPEN", rank: 1 },
    { id: "i5", ownerId: "c", status: "CLOSED", rank: 1 },
  ]);
});
afterAll(() => db.destroy());

const ids = (groups: Item[][]) => groups.map((group) => group.map((item) => item.id));

test("rowsGroupedByKey orders each key's rows by options.order, keys in the order asked, [] for a miss", async () => {
  const groups = await rowsGroupedByKey(db, Item, "ownerId", ["b", "missing", "a"], { order: { rank: "DESC", id: "ASC" } });
  expect(ids(groups)).toEqual([["i2"], [], ["i3", "i1", "i4"]]);
});

test("options.where is ANDed with the keys, in the one query of the batch", async () => {
  let groups: Item[][] = [];
  const statements = await countStatements(db, async () => {
    groups = await rowsGroupedByKey(db, Item, "ownerId", ["a", "c"], { where: { status: In(["OPEN"]) }, order: { rank: "ASC" } });
  });
  expect(statements).toBe(1);
  // a's CLOSED row is left out, and c's only row is CLOSED
  expect(ids(groups)).toEqual([["i4", "i1"], []]);
});

test("options.where may not name the key column: the keys select it", async () => {
  await expect(rowsGroupedByKey(db, Item, "ownerId", ["a"], { where: { ownerId: "b" } })).rejects.toThrow("key column ownerId");
});
