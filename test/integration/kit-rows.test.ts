import { And, DataSource, FindOptionsOrder, FindOptionsWhere, In, IsNull, LessThan, Like, MoreThanOrEqual } from "typeorm";
import { pinClock } from "@kit/clock";
import { openDataSource } from "@kit/db";
import { selectPlainRows } from "@kit/rows";
import { freshTestStore } from "@kit/testing";
import { Booking, BookingStatus } from "@subgraphs/venues/bookings";
import { Room } from "@subgraphs/venues/facilities";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";

// The loaders' plain SELECT (kit/rows) returns what TypeORM's find returns, row for row and type for type (dates,
// JSON columns, enums, nulls), on both stores; what it does not cover it leaves to find.

const DEMO_NOW = new Date("2022-03-12T09:00:00+08:00");
let db: DataSource;

beforeAll(async () => {
  pinClock(DEMO_NOW);
  db = await openDataSource(await freshTestStore("venues"), venuesSubgraph);
  await venuesSubgraph.seed(db);
});
afterAll(async () => {
  await db?.destroy();
  pinClock(null);
});

async function sameAsFind<E extends object>(entity: { new (): E }, where: FindOptionsWhere<E>, order?: FindOptionsOrder<E>): Promise<E[]> {
  const plain = await selectPlainRows(db, entity, where, order);
  expect(plain).not.toBeNull();
  expect(plain).toStrictEqual(await db.getRepository(entity).find({ where, order }));
  return plain!;
}

test("keys, IsNull, comparisons and their And, with an order: the same entities as find", async () => {
  const bookings = await db.getRepository(Booking).find();
  const organizationIds = [...new Set(bookings.map((b) => b.organizationId))];
  expect(bookings.length).toBeGreaterThan(10);

  const all = await sameAsFind(Booking, { organizationId: In(organizationIds) }, { startsAt: "ASC", id: "ASC" });
  expect(all).toHaveLength(bookings.length);
  expect(all[0]).toBeInstanceOf(Booking);
  expect(all[0].startsAt).toBeInstanceOf(Date);
  expect(all.some((b) => Array.isArray(b.equipmentLines) && b.equipmentLines.length > 0)).toBe(true);

  const window = await sameAsFind(
    Booking,
    { organizationId: In(organizationIds), startsAt: And(MoreThanOrEqual(new Date("2022-03-01T00:00:00Z")), LessThan(new Date("2022-04-01T00:00:00Z"))), status: In([BookingStatus.CONFIRMED, BookingStatus.PENDING_APPROVAL]) },
    { startsAt: "DESC", id: "ASC" },
  );
  expect(window.length).toBeGreaterThan(0);
  expect(window.length).toBeLessThan(bookings.length);

  await sameAsFind(Booking, { holdExpiresAt: IsNull(), roomId: bookings[0].roomId });
  await sameAsFind(Room, { id: In((await db.getRepository(Room).find()).map((r) => r.id)) }, { id: "ASC" });
});

test("what it does not cover it leaves to find: other operators, empty lists, unknown properties", async () => {
  expect(await selectPlainRows(db, Booking, { title: Like("%生日%") })).toBeNull();
  expect(await selectPlainRows(db, Booking, { organizationId: In([]) })).toBeNull();
  expect(await selectPlainRows(db, Booking, { nonsense: "x" } as FindOptionsWhere<Booking>)).toBeNull();
});
