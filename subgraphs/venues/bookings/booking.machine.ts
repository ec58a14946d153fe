import { HOUR_MS, MINUTE_MS } from "../../kit/days";
import { problem, Problem } from "../../kit/problem";
import { BookingStatus } from "./booking.enums";
import { clockTime } from "./conflict.rules";

/** C1 counts these as occupying the room (DOMAIN §8.3). */
export const BLOCKING_STATUSES: readonly BookingStatus[] = [BookingStatus.HELD, BookingStatus.PENDING_APPROVAL, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN];

/** Bookings that took or take place: they count towards stats and quotas. */
export const TAKING_PLACE_STATUSES: readonly BookingStatus[] = [BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.COMPLETED];

/** Check-in opens 30 min before the start; from 30 min after the start the operator may record a no-show (§8.3). */
export const CHECK_IN_WINDOW_MINUTES = 30;

export type BookingAction = "CONFIRM" | "APPROVE" | "REJECT" | "CANCEL" | "CHECK_IN" | "NO_SHOW" | "BUMP" | "RELEASE";

const TRANSITIONS: Record<BookingAction, Partial<Record<BookingStatus, BookingStatus>>> = {
  CONFIRM: { [BookingStatus.HELD]: BookingStatus.CONFIRMED },
  APPROVE: { [BookingStatus.PENDING_APPROVAL]: BookingStatus.CONFIRMED },
  REJECT: { [BookingStatus.PENDING_APPROVAL]: BookingStatus.REJECTED },
  CANCEL: { [BookingStatus.HELD]: BookingStatus.CANCELLED, [BookingStatus.PENDING_APPROVAL]: BookingStatus.CANCELLED, [BookingStatus.CONFIRMED]: BookingStatus.CANCELLED },
  CHECK_IN: { [BookingStatus.CONFIRMED]: BookingStatus.CHECKED_IN },
  NO_SHOW: { [BookingStatus.CONFIRMED]: BookingStatus.NO_SHOW },
  BUMP: { [BookingStatus.CONFIRMED]: BookingStatus.BUMPED },
  RELEASE: { [BookingStatus.HELD]: BookingStatus.CANCELLED },
};

/** The state `action` leads to from `status`, or null when §8.3 does not allow it. */
export function nextStatus(status: BookingStatus, action: BookingAction): BookingStatus | null {
  return TRANSITIONS[action][status] ?? null;
}

/** What may be done with a booking in `status` (told to the client with an illegal transition). */
export function allowedActions(status: BookingStatus): BookingAction[] {
  return (Object.keys(TRANSITIONS) as BookingAction[]).filter((action) => nextStatus(status, action) !== null);
}

export interface LapseFacts {
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  holdExpiresAt: Date | null;
}

/**
 * The status the clock implies (§8.3): a lapsed hold is EXPIRED and a checked-in booking is COMPLETED at its end.
 * Every read and rule uses it, so no scheduler is needed; the next transition writes it. A no-show is not
 * inferred: the venue admin records it (`recordNoShow`), as not every venue runs check-in and three no-shows
 * put an organization on approval.
 */
export function effectiveStatus(booking: LapseFacts, now: Date): BookingStatus {
  const t = now.getTime();
  if (booking.status === BookingStatus.HELD && booking.holdExpiresAt && booking.holdExpiresAt.getTime() <= t) return BookingStatus.EXPIRED;
  if (booking.status === BookingStatus.CHECKED_IN && booking.endsAt.getTime() <= t) return BookingStatus.COMPLETED;
  return booking.status;
}

const LAPSES_FROM: Partial<Record<BookingStatus, BookingStatus>> = {
  [BookingStatus.EXPIRED]: BookingStatus.HELD,
  [BookingStatus.COMPLETED]: BookingStatus.CHECKED_IN,
};

/** Stored statuses whose rows may have one of `wanted` as effective status (for a SQL pre-filter). */
export function storedStatusesFor(wanted: readonly BookingStatus[]): BookingStatus[] {
  const stored = new Set(wanted);
  for (const status of wanted) {
    const from = LAPSES_FROM[status];
    if (from) stored.add(from);
  }
  return [...stored].sort();
}

/**
 * When the clock forbids an otherwise legal transition: check-in is open from 30 min before the start until the
 * end; a no-show can be recorded from 30 min after the start. A CONFLICT; null when the time is right.
 */
export function timingProblem(action: BookingAction, booking: { startsAt: Date; endsAt: Date }, now: Date): Problem | null {
  const window = CHECK_IN_WINDOW_MINUTES * MINUTE_MS;
  if (action === "CHECK_IN" && (now.getTime() < booking.startsAt.getTime() - window || now >= booking.endsAt)) {
    return problem("CONFLICT", `Check-in is open from ${clockTime(new Date(booking.startsAt.getTime() - window))} (${CHECK_IN_WINDOW_MINUTES} min before the start) until the end at ${clockTime(booking.endsAt)}.`);
  }
  if (action === "NO_SHOW" && now.getTime() < booking.startsAt.getTime() + window) {
    return problem("CONFLICT", `A no-show can be recorded from ${clockTime(new Date(booking.startsAt.getTime() + window))}, ${CHECK_IN_WINDOW_MINUTES} min after the start.`);
  }
  return null;
}

/** C8: a booking cancelled after the policy's cutoff keeps counting against the quota (a hold never does). */
export function isLateCancellation(booking: { status: BookingStatus; startsAt: Date }, cancellationCutoffHours: number, now: Date): boolean {
  return booking.status !== BookingStatus.HELD && now.getTime() > booking.startsAt.getTime() - cancellationCutoffHours * HOUR_MS;
}
