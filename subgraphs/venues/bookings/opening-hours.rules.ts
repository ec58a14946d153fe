import { businessDate } from "../../kit/clock";
import { businessDayInterval, MINUTE_MS } from "../../kit/days";
import { DayHours, formatLocalTime } from "../facilities";
import { ConflictReason } from "./booking.enums";
import { Conflict } from "./conflict.rules";

const describeHours = (hours: DayHours) => hours.intervals.map((i) => `${formatLocalTime(i.from)}–${formatLocalTime(i.to)}`).join(", ");

/**
 * C2 Opening hours: the whole booking lies inside one opening interval of its business day, after calendar
 * exceptions; so it neither runs past closing nor spans the lunch closure. `hours` is the day the booking starts.
 */
export function openingHoursConflicts(request: { startsAt: Date; endsAt: Date }, hours: DayHours): Conflict[] {
  const day = businessDate(request.startsAt);
  const { start: dayStart, end: dayEnd } = businessDayInterval(day, day);
  if (hours.closedBy) {
    const why = hours.closedBy.note ? `${hours.closedBy.note} (${hours.closedBy.kind})` : hours.closedBy.kind;
    return [{ reason: ConflictReason.CLOSED_DAY, startsAt: dayStart, endsAt: dayEnd, message: `The facility is closed on ${day}: ${why}; choose another day.` }];
  }
  if (!hours.intervals.length) {
    return [{ reason: ConflictReason.CLOSED_DAY, startsAt: dayStart, endsAt: dayEnd, message: `The facility is not open on ${hours.weekday} ${day}; choose another day.` }];
  }
  const from = (request.startsAt.getTime() - dayStart.getTime()) / MINUTE_MS;
  const to = (request.endsAt.getTime() - dayStart.getTime()) / MINUTE_MS;
  if (hours.intervals.some((i) => i.from <= from && to <= i.to)) return [];
  const closure = hours.intervals.slice(1).map((next, k) => ({ from: hours.intervals[k].to, to: next.from })).find((gap) => from < gap.to && gap.from < to && from >= hours.intervals[0].from);
  const message = closure
    ? `The booking spans the closure ${formatLocalTime(closure.from)}–${formatLocalTime(closure.to)}; book before or after it (open ${describeHours(hours)} on ${day}).`
    : `The facility is open ${describeHours(hours)} on ${day}; move the booking inside those hours.`;
  return [{ reason: ConflictReason.OUTSIDE_OPENING_HOURS, startsAt: request.startsAt, endsAt: request.endsAt, message }];
}
