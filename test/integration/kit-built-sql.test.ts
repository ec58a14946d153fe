import { DataSource } from "typeorm";
import { pinClock } from "@kit/clock";
import { openDataSource, statementCounter } from "@kit/db";
import { rawRowsOfShape } from "@kit/built-sql";
import { Page, paginate } from "@kit/pagination";
import { freshTestStore } from "@kit/testing";
import { Area, Organization } from "@subgraphs/organizations/directory";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";

// SQL text built once per shape (kit/built-sql) answers what the query builder answers every time, on both stores:
// the same rows for other values bound to the same text, and a page like paginate's without a shape.

const DEMO_NOW = new Date("2022-03-12T09:00:00+08:00");
let db: DataSource;

beforeAll(async () => {
  pinClock(DEMO_NOW);
  db = await openDataSource(await freshTestStore("organizations"), organizationsSubgraph);
  await organizationsSubgraph.seed(db);
});
afterAll(async () => {
  await db?.destroy();
  pinClock(null);
});

const named = (ids: string[]) => db.getRepository(Organization).createQueryBuilder("o").select("o.id", "id").where("o.id IN (:...ids)", { ids }).orderBy("o.id", "ASC");

test("one text per shape, each call with its own values (an IN list of another length included)", async () => {
  const ids = (await db.getRepository(Organization).find({ order: { id: "ASC" } })).map((o) => o.id);
  expect(ids.length).toBeGreaterThan(3);
  for (const some of [ids.slice(0, 1), ids.slice(1, 4), ids]) {
    expect(await rawRowsOfShape(db, "test.named", named(some))).toEqual(await named(some).getRawMany());
  }
});

test("paginate with a shape: the same pages as without, in the same two statements", async () => {
  const counter = statementCounter(db);
  const area = (path: string) => {
    const query = db.getRepository(Organization).createQueryBuilder("o");
    query.andWhere((qb) => `o.homeAreaCode IN ${qb.subQuery().select("a.code").from(Area, "a").where("a.path LIKE :areaPath").getQuery()}`);
    return query.setParameter("areaPath", `${path}%`);
  };
  const all = () => db.getRepository(Organization).createQueryBuilder("o");
  const [first] = await db.query("SELECT path FROM areas ORDER BY LENGTH(path) LIMIT 1");
  for (const [shape, query] of [
    ["test.all", all],
    ["test.area", () => area(first.path)],
  ] as const) {
    let after: string | null = null;
    for (let pages = 0; pages < 4; pages++) {
      const plain: Page<Organization> = await paginate(query(), "o", { first: 2, after });
      const before = counter.count;
      const shaped = await paginate(query(), "o", { first: 2, after }, 20, shape);
      expect(counter.count - before).toBe(2);
      expect(shaped).toStrictEqual(plain);
      expect(shaped.nodes[0]).toBeInstanceOf(Organization);
      if (!plain.pageInfo.hasNextPage) break;
      after = plain.pageInfo.endCursor;
    }
  }
});
