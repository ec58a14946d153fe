import { Field, InputType } from "type-graphql";
import { startOfBusinessDay } from "./clock";
import { problem, Problem } from "./problem";
import { DateScalar } from "./scalars";

// Day arithmetic on the business calendar (Asia/Shanghai, no DST since 1991: a day is always 24 h).

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The calendar day `days` after `day` (before, when negative), both `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many calendar days `from`…`to` covers, both inclusive (0 or less when `to` is before `from`). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every calendar day `from`…`to`, both inclusive, in order (none when `to` is before `from`). */
export function daysBetween(from: string, to: string): string[] {
  return Array.from({ length: Math.max(0, daysInRange(from, to)) }, (_, k) => addDays(from, k));
}

/** The half-open instant interval `[start, end)` of business days `from`…`to`. */
export function businessDayInterval(from: string, to: string): { start: Date; end: Date } {
  return { start: startOfBusinessDay(from), end: new Date(startOfBusinessDay(to).getTime() + DAY_MS) };
}

/** Business days `from`…`to`, both inclusive, on the Asia/Shanghai calendar. */
@InputType()
export class DateRangeInput {
  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;
}

/** A range runs forward (from ≤ to) and, when `maxDays` is given, spans at most that many days. */
export function rangeProblem(range: { from: string; to: string }, argument: string, maxDays?: number): Problem | null {
  if (range.from > range.to) return problem("BAD_USER_INPUT", `${argument}: from (${range.from}) is after to (${range.to}); give from ≤ to.`, { argument });
  const days = daysInRange(range.from, range.to);
  if (maxDays !== undefined && days > maxDays) {
    return problem("BAD_USER_INPUT", `${argument}: ${range.from}…${range.to} spans ${days} days; ask for at most ${maxDays} days at a time.`, { argument, max: maxDays });
  }
  return null;
}
