import { businessDate, startOfBusinessDay } from "../../kit/clock";
import { MINUTE_MS } from "../../kit/days";
import { PolicyFacts } from "../facilities";
import { ConflictReason } from "./booking.enums";
import { Conflict } from "./conflict.rules";

/** Minutes after local midnight of an instant on its business day. */
export function minutesIntoDay(at: Date): number {
  return (at.getTime() - startOfBusinessDay(businessDate(at)).getTime()) / MINUTE_MS;
}

/**
 * No booking lasts longer than a day, whatever a policy says: the overlap queries (bookingsByRoom, rule facts) then
 * read one room's bookings that start within a day before the interval, a bounded index range, not its history.
 */
export const MAX_BOOKING_MINUTES = 24 * 60;

/** C4 Duration: at most `maxDurationMinutes` (and a day), and start and end on the `slotMinutes` grid of the local clock. */
export function durationConflicts(request: { startsAt: Date; endsAt: Date }, policy: PolicyFacts): Conflict[] {
  const conflicts: Conflict[] = [];
  const minutes = (request.endsAt.getTime() - request.startsAt.getTime()) / MINUTE_MS;
  const max = Math.min(policy.maxDurationMinutes, MAX_BOOKING_MINUTES);
  if (minutes > max) {
    conflicts.push({ reason: ConflictReason.DURATION, startsAt: request.startsAt, endsAt: request.endsAt, message: `A booking here lasts at most ${max} min; this one lasts ${minutes} min.` });
  }
  if (minutesIntoDay(request.startsAt) % policy.slotMinutes !== 0 || minutesIntoDay(request.endsAt) % policy.slotMinutes !== 0) {
    conflicts.push({
      reason: ConflictReason.DURATION,
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      message: `Start and end on the ${policy.slotMinutes}-minute grid (e.g. 09:00, 09:${String(policy.slotMinutes % 60).padStart(2, "0")}).`,
    });
  }
  return conflicts;
}
