import { now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { DateRangeInput } from "../../kit/days";
import { typeOfId } from "../../kit/ids";
import { checkedInterval } from "../facilities";
import { Booking } from "./booking.entity";
import { BookingStatus } from "./booking.enums";
import { BookingFilter, bookingsByOrganization } from "./booking.loaders";
import { effectiveStatus, storedStatusesFor } from "./booking.machine";

/** Booking reads for other subgraphs' entities. */
export class BookingService {
  /** An organization's bookings starting within the business days of `range`, optionally of some (effective) statuses. */
  async forOrganization(
    ctx: HubContext,
    organizationId: string,
    range: DateRangeInput | null | undefined,
    statuses: BookingStatus[] | null | undefined,
  ): Promise<Booking[]> {
    const wanted = statuses?.length ? [...new Set(statuses)] : null;
    const filter: BookingFilter = { start: null, end: null, statuses: wanted ? storedStatusesFor(wanted) : null };
    if (range) Object.assign(filter, checkedInterval(range, "range"));
    // a representation id that is not an organization id can have no bookings; it never reaches SQL
    if (typeOfId(organizationId) !== "Organization") return [];
    const rows = await bookingsByOrganization(ctx, filter).load(organizationId);
    if (!wanted) return rows;
    const at = now();
    return rows.filter((b) => wanted.includes(effectiveStatus(b, at)));
  }
}
