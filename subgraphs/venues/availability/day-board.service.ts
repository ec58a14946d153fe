import { now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { businessDayInterval } from "../../kit/days";
import { parseId } from "../../kit/ids";
import { loaded, rowLoader } from "../../kit/loaders";
import { BLOCKING_STATUSES, bookingsByRoom, BookingStatus, effectiveStatus, isService, seesBookingAtFacility } from "../bookings";
import { Facility, roomsByFacility } from "../facilities";
import { RoomDayBoard } from "./availability.type";

/** What a partner's board shows: the room is occupied (DOMAIN §9.2 busy blocks). */
const BUSY = new Set<BookingStatus>([...BLOCKING_STATUSES, BookingStatus.COMPLETED]);

/** Q15: a facility's rooms and their bookings on one business day. */
export class DayBoardService {
  async board(ctx: HubContext, rawFacilityId: string, date: string): Promise<RoomDayBoard[]> {
    const facility = await rowLoader(ctx, Facility).load(parseId("Facility", rawFacilityId, "facilityId"));
    if (!facility) return [];
    const rooms = await roomsByFacility(ctx).load(facility.id);
    const lists = loaded(await bookingsByRoom(ctx, businessDayInterval(date, date)).loadMany(rooms.map((r) => r.id)));
    // the operator, federation and area staff see every state (no-shows, cancellations); others only busy blocks
    const full = isService(ctx.viewer) || ctx.viewer.has("FEDERATION_ADMIN") || seesBookingAtFacility(ctx.viewer, facility);
    const at = now();
    return rooms.map((room, i) => ({ room, bookings: full ? lists[i] : lists[i].filter((b) => BUSY.has(effectiveStatus(b, at))) }));
  }
}
