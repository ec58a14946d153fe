import DataLoader from "dataloader";
import { DataSource, EntityTarget, FindOptionsOrder, FindOptionsWhere, In, ObjectLiteral } from "typeorm";
import { loaderBatchSize } from "../../platform/metrics";
import { Reader, selectPlainRows } from "./rows";

/** Rows in key order, one per key, null for a miss: the DataLoader batch contract in one pass over a Map. */
export function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((key) => index.get(key) ?? null);
}

/** Rows grouped per key in key order, [] for a miss: for to-many fields. */
export function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const key of keys) groups.set(key, []);
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Every value of a `loadMany`, or its first error thrown: for batches that must all succeed. */
export function loaded<T>(values: (T | Error)[]): T[] {
  const error = values.find((v): v is Error => v instanceof Error);
  if (error) throw error;
  return values as T[];
}

/**
 * A to-many field's status filter (or another enum-list filter, like facility types) as loader args: null for
 * "any", else unique and sorted, so `status: [A, B]` and `status: [B, A, A]` share one loader and one batch.
 */
export function statusFilterArgs<S extends string>(statuses: readonly S[] | null | undefined): S[] | null {
  return statuses?.length ? [...new Set(statuses)].sort() : null;
}

/**
 * The loaders of one request. A to-many field with arguments gets one loader per distinct argument set,
 * so `bookings(status: [CONFIRMED])` on 50 organizations is still one batch.
 * Each batch's size goes to hub_dataloader_batch_size under the subgraph's and the loader's name.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly subgraph = "unnamed") {}

  /** The loader named `name` (plus an optional argument signature), created on first use in this request. */
  get<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>, args?: unknown): DataLoader<K, V> {
    const key = args === undefined ? name : `${name}:${JSON.stringify(args)}`;
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      const sizes = loaderBatchSize.labels(this.subgraph, name);
      const measured: DataLoader.BatchLoadFn<K, V> = (keys) => {
        sizes.observe(keys.length);
        return batch(keys);
      };
      loader = new DataLoader<K, V>(measured, { maxBatchSize: 500 });
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** The rows of `entity` whose `column` is one of `keys`, in key order, null for a miss: one `IN (…)` query. */
export async function rowsByKey<E extends ObjectLiteral, C extends keyof E & string>(db: Reader, entity: EntityTarget<E>, column: C, keys: readonly E[C][]): Promise<(E | null)[]> {
  const where = { [column]: In([...keys]) } as FindOptionsWhere<E>;
  const rows = (await selectPlainRows(db, entity, where)) ?? (await db.getRepository(entity).findBy(where));
  return byKey(keys, rows, (row) => row[column]);
}

/** What narrows and orders the rows of a to-many field beyond its key. */
export interface GroupedRowsOptions<E> {
  /** Each key's rows in this order (a group keeps the order of the query). */
  order?: FindOptionsOrder<E>;
  /** Conditions on other columns, ANDed with the key's `IN (…)`: a status filter, say. */
  where?: FindOptionsWhere<E>;
}

/**
 * The rows of `entity` per key of `column`, in key order, [] for a miss: one `IN (…)` query for a to-many field,
 * narrowed by `options.where` and each group in `options.order` (else in no particular order).
 */
export async function rowsGroupedByKey<E extends ObjectLiteral, C extends keyof E & string>(
  db: Reader,
  entity: EntityTarget<E>,
  column: C,
  keys: readonly E[C][],
  options: GroupedRowsOptions<E> = {},
): Promise<E[][]> {
  if (options.where && column in options.where) throw new Error(`rowsGroupedByKey: where may not name the key column ${column}; the keys select it.`);
  const where = { [column]: In([...keys]), ...options.where } as FindOptionsWhere<E>;
  const rows = (await selectPlainRows(db, entity, where, options.order)) ?? (await db.getRepository(entity).find({ where, order: options.order }));
  return groupByKey(keys, rows, (row) => row[column]);
}

/**
 * The request's loader of `entity` rows by `column` (by id unless told otherwise): every entity reference and
 * every to-one field goes through one of these, so N lookups are one query.
 */
export function rowLoader<E extends ObjectLiteral, C extends keyof E & string = "id" & keyof E & string>(
  ctx: { db: DataSource; loaders: LoaderRegistry },
  entity: EntityTarget<E> & { name: string },
  column: C = "id" as C,
): DataLoader<E[C], E | null> {
  return ctx.loaders.get<E[C], E | null>(`${entity.name}.${column}`, (keys) => rowsByKey(ctx.db, entity, column, keys));
}
