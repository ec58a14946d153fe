import { startOfBusinessDay } from "../../kit/clock";
import { MINUTE_MS } from "../../kit/days";
import { DayHours, intersect, Interval, openIntervals, subtract } from "../facilities";

export interface FreeSlotQuery {
  hours: DayHours;
  /** The caller's window on that day, minutes after local midnight. */
  window: { from: number; to: number };
  /** Blocking bookings of the room (C1), unbuffered. */
  taken: Interval[];
  bufferMinutes: number;
  /** When required movable equipment is all lent out (C6). */
  equipmentBusy: Interval[];
  /** C3: now + lead time, and the last bookable day. */
  earliestStart: Date;
  lastDay: string;
  /** C4. */
  slotMinutes: number;
  maxDurationMinutes: number;
  minDurationMinutes: number;
}

/**
 * The free intervals of one room on one day after C1–C4 and C6 (C5 filters rooms before): opening hours within
 * the window, minus buffered bookings, lent-out equipment and the lead time, cut to the slot grid and at least
 * `minDurationMinutes` long.
 */
export function freeSlots(q: FreeSlotQuery): Interval[] {
  if (q.hours.day > q.lastDay || q.minDurationMinutes > q.maxDurationMinutes) return [];
  const midnight = startOfBusinessDay(q.hours.day).getTime();
  const window = [{ start: midnight + q.window.from * MINUTE_MS, end: midnight + q.window.to * MINUTE_MS }];
  const buffer = q.bufferMinutes * MINUTE_MS;
  const blocked = [
    ...q.taken.map((t) => ({ start: t.start - buffer, end: t.end + buffer })),
    ...q.equipmentBusy,
    { start: Number.MIN_SAFE_INTEGER, end: q.earliestStart.getTime() },
  ];
  const slot = q.slotMinutes * MINUTE_MS;
  return subtract(intersect(openIntervals(q.hours), window), blocked)
    .map((free) => ({ start: midnight + Math.ceil((free.start - midnight) / slot) * slot, end: midnight + Math.floor((free.end - midnight) / slot) * slot }))
    .filter((free) => free.end - free.start >= q.minDurationMinutes * MINUTE_MS);
}
