import { EnrollmentStatus } from "./enrollment.enums";

/** Seats and waitlist places of one offering. */
export interface SeatCounts {
  enrolled: number;
  waitlisted: number;
}

/**
 * Statuses that took a seat (DOMAIN §8.4): ENROLLED, and after the last session COMPLETED or INCOMPLETE,
 * so an offering's enrolled count does not fall to zero once it ends.
 */
export const SEAT_STATUSES: readonly EnrollmentStatus[] = [EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED, EnrollmentStatus.INCOMPLETE];

/** Adds up per-status counts (as a GROUP BY returns them) into seats and waitlist places. */
export function tallySeats(rows: readonly { status: EnrollmentStatus; count: number }[]): SeatCounts {
  const counts: SeatCounts = { enrolled: 0, waitlisted: 0 };
  for (const row of rows) {
    if (SEAT_STATUSES.includes(row.status)) counts.enrolled += row.count;
    else if (row.status === EnrollmentStatus.WAITLISTED) counts.waitlisted += row.count;
  }
  return counts;
}
