import { HubContext } from "../../kit/context";
import { Booking } from "./booking.entity";
import { facilityById, roomById } from "../facilities/facility.loaders";
import { BookingVisibility } from "../facilities/facility.enums";
import { seesBookingAtFacility, seesBookingWithoutFacility } from "./booking.policy";

/** The title partners and other organizations see on a private booking (DOMAIN §9.2 busy blocks). */
export const MASKED_TITLE = "已预约";

/**
 * Whether the viewer sees the booking in full (title, requester, reasons): its organization, its venue admin,
 * staff in scope, the academy for course bookings, services. The facility is loaded (batched) only when the
 * viewer's roles make it matter.
 */
export async function seesBookingDetails(ctx: HubContext, booking: Booking): Promise<boolean> {
  const quick = seesBookingWithoutFacility(ctx.viewer, booking);
  if (quick !== null) return quick;
  const room = await roomById(ctx).load(booking.roomId);
  const facility = room ? await facilityById(ctx).load(room.facilityId) : null;
  return facility !== null && seesBookingAtFacility(ctx.viewer, facility);
}

/** The title the viewer may see. */
export async function visibleTitle(ctx: HubContext, booking: Booking): Promise<string> {
  if (booking.visibility === BookingVisibility.PUBLIC) return booking.title;
  return (await seesBookingDetails(ctx, booking)) ? booking.title : MASKED_TITLE;
}
