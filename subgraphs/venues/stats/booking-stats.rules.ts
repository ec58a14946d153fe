import { BookingStatus, TAKING_PLACE_STATUSES } from "../bookings";
import { MINUTE_MS } from "../../kit/days";

export interface BookingStatsFacts {
  bookings: number;
  bookedMinutes: number;
  utilization: number;
  noShows: number;
}

/**
 * Venue use over a period: bookings that took or take place (and no-shows), the minutes of those that did,
 * and those minutes as a share of the rooms' open minutes. Statuses are effective ones.
 */
export function bookingStats(bookings: readonly { startsAt: Date; endsAt: Date; status: BookingStatus }[], openMinutes: number): BookingStatsFacts {
  const held = bookings.filter((b) => TAKING_PLACE_STATUSES.includes(b.status));
  const noShows = bookings.filter((b) => b.status === BookingStatus.NO_SHOW).length;
  const bookedMinutes = held.reduce((sum, b) => sum + (b.endsAt.getTime() - b.startsAt.getTime()) / MINUTE_MS, 0);
  const utilization = openMinutes > 0 ? Math.round((bookedMinutes / openMinutes) * 10_000) / 10_000 : 0;
  return { bookings: held.length + noShows, bookedMinutes, utilization, noShows };
}
