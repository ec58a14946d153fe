import { businessDate } from "../../kit/clock";
import { addDays, HOUR_MS } from "../../kit/days";
import { PolicyFacts } from "../facilities";
import { ConflictReason } from "./booking.enums";
import { clockTime, Conflict } from "./conflict.rules";

/** The last business day a booking made at `now` may fall on (C3 horizon). */
export function lastBookableDay(policy: Pick<PolicyFacts, "maxAdvanceDays">, now: Date): string {
  return addDays(businessDate(now), policy.maxAdvanceDays);
}

/** The earliest start a booking made at `now` may have (C3 lead time). */
export function earliestStart(policy: Pick<PolicyFacts, "minLeadHours">, now: Date): Date {
  return new Date(now.getTime() + policy.minLeadHours * HOUR_MS);
}

/** C3 Booking window: `now + minLeadHours ≤ start`, and the start's day is at most `maxAdvanceDays` after today. */
export function bookingWindowConflicts(request: { startsAt: Date; endsAt: Date }, policy: PolicyFacts, now: Date): Conflict[] {
  const conflicts: Conflict[] = [];
  const earliest = earliestStart(policy, now);
  if (request.startsAt < earliest) {
    conflicts.push({
      reason: ConflictReason.LEAD_TIME,
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      message: `Book at least ${policy.minLeadHours} h ahead: the earliest start now is ${businessDate(earliest)} ${clockTime(earliest)}.`,
    });
  }
  const lastDay = lastBookableDay(policy, now);
  if (businessDate(request.startsAt) > lastDay) {
    conflicts.push({
      reason: ConflictReason.ADVANCE_WINDOW,
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      message: `This venue takes bookings at most ${policy.maxAdvanceDays} days ahead: the last bookable day now is ${lastDay}.`,
    });
  }
  return conflicts;
}
