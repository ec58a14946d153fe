import { businessDate, startOfBusinessDay } from "../../kit/clock";
import { MINUTE_MS } from "../../kit/days";
import { PolicyFacts } from "../facilities";
import { ConflictReason } from "./booking.enums";
import { Conflict } from "./conflict.rules";

/** Minutes after local midnight of an instant on its business day. */
export function minutesIntoDay(at: Date): number {
  return (at.getTime() - startOfBusinessDay(businessDate(at)).getTime()) / MINUTE_MS;
}

/** C4 Duration: at most `maxDurationMinutes`, and start and end on the `slotMinutes` grid of the local clock. */
export function durationConflicts(request: { startsAt: Date; endsAt: Date }, policy: PolicyFacts): Conflict[] {
  const conflicts: Conflict[] = [];
  const minutes = (request.endsAt.getTime() - request.startsAt.getTime()) / MINUTE_MS;
  if (minutes > policy.maxDurationMinutes) {
    conflicts.push({ reason: ConflictReason.DURATION, startsAt: request.startsAt, endsAt: request.endsAt, message: `A booking here lasts at most ${policy.maxDurationMinutes} min; this one lasts ${minutes} min.` });
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
