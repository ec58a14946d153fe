import { HubContext } from "../../kit/context";
import { BadInputError } from "../../kit/errors";
import { typeOfId } from "../../kit/ids";
import { businessDayInterval, daysInRange, MAX_RANGE_DAYS } from "../domain/date-range";
import { Booking } from "../entities/booking.entity";
import { BookingFilter, bookingsByOrganization } from "../loaders";
import { DateRangeInput } from "../types/date-range.input";
import { BookingStatus } from "../types/enums";

/** Booking reads; booking rules C1–C8 and the mutations come with the booking issue. */
export class BookingService {
  /** An organization's bookings starting within the business days of `range`, optionally of some statuses. */
  async forOrganization(
    ctx: HubContext,
    organizationId: string,
    range: DateRangeInput | null | undefined,
    statuses: BookingStatus[] | null | undefined,
  ): Promise<Booking[]> {
    const filter: BookingFilter = { start: null, end: null, statuses: statuses?.length ? [...new Set(statuses)].sort() : null };
    if (range) Object.assign(filter, checkedInterval(range, "range"));
    // a representation id that is not an organization id can have no bookings; it never reaches SQL
    if (typeOfId(organizationId) !== "Organization") return [];
    return bookingsByOrganization(ctx, filter).load(organizationId);
  }
}

/** Validates a day range (from ≤ to, at most MAX_RANGE_DAYS days) and returns its instant interval. */
function checkedInterval(range: DateRangeInput, argument: string): { start: Date; end: Date } {
  const days = daysInRange(range.from, range.to);
  if (days < 1) {
    throw new BadInputError(`${argument}: from (${range.from}) is after to (${range.to}); give from ≤ to.`, { argument });
  }
  if (days > MAX_RANGE_DAYS) {
    throw new BadInputError(`${argument}: ${range.from}…${range.to} spans ${days} days; ask for at most ${MAX_RANGE_DAYS} days at a time.`, {
      argument,
      max: MAX_RANGE_DAYS,
    });
  }
  return businessDayInterval(range.from, range.to);
}
