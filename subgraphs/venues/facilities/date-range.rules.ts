import { startOfBusinessDay } from "../../kit/clock";

/** The longest range a booking list may span: one leap year of business days. */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 24 * 60 * 60 * 1000;

/** How many calendar days `from`…`to` covers, both inclusive (0 or less when `to` is before `from`). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * The half-open instant interval `[start, end)` of business days `from`…`to` on the Asia/Shanghai calendar;
 * a day is always 24 h there (no DST since 1991).
 */
export function businessDayInterval(from: string, to: string): { start: Date; end: Date } {
  return { start: startOfBusinessDay(from), end: new Date(startOfBusinessDay(to).getTime() + DAY_MS) };
}
