import { testStoreKind } from "@kit/testing";

/**
 * Asserts that an operation's SQL statements do not grow with the number of items it returns.
 * On SQLite the loader waves are deterministic, so the counts must be equal. On MySQL two batches in flight can
 * finish in either order and split a third loader's keys over two batches, so up to `slack` extra statements
 * are timing, not N+1: an N+1 over 50 items shows as dozens.
 */
export function expectNoGrowth(small: number, large: number, slack = 3): void {
  if (testStoreKind() === "sqlite") expect(large).toBe(small);
  else expect(large).toBeLessThanOrEqual(small + slack);
}
