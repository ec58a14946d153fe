import { BadInputError } from "../../../platform/errors";
import { DateRangeInput } from "./date-range.input";
import { businessDayInterval, daysInRange, MAX_RANGE_DAYS } from "./date-range.rules";

/** Validates a day range (from ≤ to, at most MAX_RANGE_DAYS days) and returns its instant interval. */
export function checkedInterval(range: DateRangeInput, argument: string): { start: Date; end: Date } {
  const days = daysInRange(range.from, range.to);
  if (days < 1) {
    throw new BadInputError(`${argument}: from (${range.from}) is after to (${range.to}); give from ≤ to.`, { argument });
  }
  if (days > MAX_RANGE_DAYS) {
    throw new BadInputError(`${argument}: ${range.from}…${range.to} spans ${days} days; ask for at most ${MAX_RANGE_DAYS} days at a time.`, {
      argument,
      max: MAX_RANGE_DAYS,
    });
  }
  return businessDayInterval(range.from, range.to);
}
