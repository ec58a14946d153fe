import { decodeCursor, Page, pageSize, toPage } from "../../kit/pagination";

export interface PageWindow {
  size: number;
  afterId: string | null;
}

/** Checks `first` and `after` before anything is loaded. */
export function pageWindow(args: { first?: number | null; after?: string | null }, fallbackSize: number): PageWindow {
  return { size: pageSize(args.first, fallbackSize), afterId: args.after ? decodeCursor(args.after) : null };
}

/**
 * A page of rows already loaded in id order (a to-many field batched by a loader):
 * keyset on the id like kit `paginate`, so a cursor stays valid when rows before it change.
 */
export function pageInMemory<T extends { id: string }>(rows: readonly T[], { size, afterId }: PageWindow): Page<T> {
  const start = afterId === null ? 0 : rows.findIndex((row) => row.id > afterId);
  const rest = start < 0 ? [] : rows.slice(start, start + size + 1);
  return toPage(rest, size, rows.length);
}
