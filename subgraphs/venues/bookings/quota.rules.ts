import { businessDate, startOfBusinessDay } from "../../kit/clock";
import { MINUTE_MS } from "../../kit/days";
import { PolicyFacts } from "../facilities";
import { BookingStatus, ConflictReason } from "./booking.enums";
import { BLOCKING_STATUSES } from "./booking.machine";
import { BookingFacts, Conflict } from "./conflict.rules";

const COUNTED = new Set<BookingStatus>([...BLOCKING_STATUSES, BookingStatus.COMPLETED, BookingStatus.NO_SHOW]);

/** The business month `[first day, first day of next month)` an instant falls in. */
export function businessMonth(at: Date): { start: Date; end: Date; label: string } {
  const [year, month] = businessDate(at).split("-").map(Number);
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  const label = `${year}-${String(month).padStart(2, "0")}`;
  return { start: startOfBusinessDay(`${label}-01`), end: startOfBusinessDay(next), label };
}

/** Minutes a booking uses of the monthly quota: held, pending, confirmed, used or missed, and late cancellations (§5 C8). */
export function countsAgainstQuota(booking: Pick<BookingFacts, "status" | "lateCancellation">): boolean {
  return COUNTED.has(booking.status) || (booking.status === BookingStatus.CANCELLED && booking.lateCancellation);
}

/**
 * C8 Quota: the organization's minutes at this facility in the booking's month stay within
 * `perOrgMonthlyMinutesCap`, and its active future bookings there within `perOrgMaxActiveBookings`.
 * `orgBookings` are the organization's bookings at the facility.
 */
export function quotaConflicts(request: { startsAt: Date; endsAt: Date }, orgBookings: readonly BookingFacts[], policy: PolicyFacts, now: Date): Conflict[] {
  const conflicts: Conflict[] = [];
  const month = businessMonth(request.startsAt);
  const wanted = (request.endsAt.getTime() - request.startsAt.getTime()) / MINUTE_MS;
  if (policy.perOrgMonthlyMinutesCap !== null) {
    const used = orgBookings
      .filter((b) => b.startsAt >= month.start && b.startsAt < month.end && countsAgainstQuota(b))
      .reduce((sum, b) => sum + (b.endsAt.getTime() - b.startsAt.getTime()) / MINUTE_MS, 0);
    if (used + wanted > policy.perOrgMonthlyMinutesCap) {
      conflicts.push({
        reason: ConflictReason.QUOTA,
        startsAt: month.start,
        endsAt: month.end,
        message: `An organization may book ${policy.perOrgMonthlyMinutesCap / 60} h a month here; ${used / 60} h of ${month.label} are taken, so ${Math.max(0, policy.perOrgMonthlyMinutesCap - used)} min are left, not ${wanted}.`,
      });
    }
  }
  if (policy.perOrgMaxActiveBookings !== null) {
    const active = orgBookings.filter((b) => BLOCKING_STATUSES.includes(b.status) && b.endsAt > now).length;
    if (active + 1 > policy.perOrgMaxActiveBookings) {
      conflicts.push({
        reason: ConflictReason.QUOTA,
        startsAt: null,
        endsAt: null,
        message: `An organization may hold ${policy.perOrgMaxActiveBookings} upcoming bookings here at a time and has ${active}; cancel one or wait until one has taken place.`,
      });
    }
  }
  return conflicts;
}
