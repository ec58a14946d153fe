// The pure parts come first. availability imports this index, and this index's resolvers import availability
// back (bumpBooking offers free rooms): whichever loads first, what availability uses while it loads is
// exported before the resolvers are required.
export { BookingStatus, BookingVisibility, ConflictReason } from "./booking.enums";
export { Booking, BOOKING_DEFAULTS } from "./booking.entity";
export { OrgEligibility } from "./org-eligibility.entity";
export { BLOCKING_STATUSES, effectiveStatus, TAKING_PLACE_STATUSES } from "./booking.machine";
export { earliestStart, lastBookableDay } from "./booking-window.rules";
export { equipmentBusyIntervals } from "./equipment.rules";
export type { BookingFacts, Conflict } from "./conflict.rules";
export { bookingsByRoom } from "./booking.loaders";
export { isService, MASKED_TITLE, seesBookingAtFacility } from "./booking.policy";
export { toFacts } from "./rule-facts.service";

import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { Booking } from "./booking.entity";
import { BookingMutationResolver } from "./booking-mutation.resolver";
import { BookingResolver, EquipmentLineResolver } from "./booking.resolver";
import { seedBookings } from "./booking.seed";
import { OrgEligibility } from "./org-eligibility.entity";
import { OrganizationBookingsResolver } from "./organization-bookings.resolver";
import { SagaResolver } from "./saga.resolver";
import { deregistered, eligibilityChanged } from "./organization-events.handler";

/**
 * Bookings of rooms (DOMAIN §5, §8.3): rules C1–C8, the lifecycle with approval, the saga steps (hold, confirm,
 * release), the C7 eligibility snapshot and the cancellations that follow the organizations subgraph's events, and
 * Organization.bookings.
 */
export const bookingsFeature: Feature = {
  name: "bookings",
  entities: [Booking, OrgEligibility],
  resolvers: [BookingResolver, EquipmentLineResolver, BookingMutationResolver, SagaResolver, OrganizationBookingsResolver],
  references: { Booking: referenceById("Booking", (ctx) => rowLoader(ctx, Booking)) },
  seed: seedBookings,
  // DOMAIN §7: the academy's scheduling saga holds, confirms and releases rooms. Nobody else calls these, and the
  // academy may call nothing else here (organizations reaches venues only through its events, below).
  serviceCalls: {
    academy: ["holdBooking", "confirmBooking", "releaseBooking"],
  },
  eventHandlers: [eligibilityChanged, deregistered],
};
