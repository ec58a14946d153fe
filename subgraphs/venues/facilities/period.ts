import { businessDayInterval, DateRangeInput, rangeProblem } from "../../kit/days";
import { raise } from "../../kit/problem";

/** The longest range a venues read (bookings, exceptions, stats) may span: one leap year of business days. */
export const MAX_RANGE_DAYS = 366;

/** Checks a day-range argument (from ≤ to, at most MAX_RANGE_DAYS days), raising BAD_USER_INPUT, and returns its instant interval. */
export function checkedInterval(range: DateRangeInput, argument: string): { start: Date; end: Date } {
  raise(rangeProblem(range, argument, MAX_RANGE_DAYS));
  return businessDayInterval(range.from, range.to);
}
