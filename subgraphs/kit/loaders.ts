import DataLoader from "dataloader";
import { loaderBatchSize } from "../../platform/metrics";

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
