import { MINUTE_MS } from "../../kit/days";
import { overlaps } from "../facilities";
import { ConflictReason } from "./booking.enums";
import { BLOCKING_STATUSES } from "./booking.machine";
import { BookingFacts, Conflict, describeSpan } from "./conflict.rules";

/**
 * C1 No overlap: a blocking booking occupies `[start − buffer, end + buffer)` of its room, so two bookings of
 * one room are at least `bufferMinutes` apart (turnaround time).
 */
export function overlapConflicts(request: { roomId: string; startsAt: Date; endsAt: Date }, existing: readonly BookingFacts[], bufferMinutes: number): Conflict[] {
  const wanted = { start: request.startsAt.getTime(), end: request.endsAt.getTime() };
  const buffer = bufferMinutes * MINUTE_MS;
  return existing
    .filter((b) => b.roomId === request.roomId && BLOCKING_STATUSES.includes(b.status))
    .filter((b) => overlaps(wanted, { start: b.startsAt.getTime() - buffer, end: b.endsAt.getTime() + buffer }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((b) => ({
      reason: ConflictReason.OVERLAP,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      message: `The room is booked ${describeSpan(b.startsAt, b.endsAt)}${bufferMinutes ? ` and needs ${bufferMinutes} min between bookings` : ""}; choose another time or room.`,
    }));
}
