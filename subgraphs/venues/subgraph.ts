import { SubgraphModule } from "../kit/server";
import { Booking } from "./bookings/booking.entity";
import { BookingPolicy } from "./facilities/booking-policy.entity";
import { CalendarException } from "./facilities/calendar-exception.entity";
import { Equipment } from "./facilities/equipment.entity";
import { Facility } from "./facilities/facility.entity";
import { OpeningRule } from "./facilities/opening-rule.entity";
import { OrgEligibility } from "./bookings/org-eligibility.entity";
import { Room } from "./facilities/room.entity";
import { Tenancy } from "./tenancies/tenancy.entity";
import { migrations } from "./migrations";
import { AreaFacilitiesResolver } from "./facilities/area-facilities.resolver";
import { AvailabilityResolver } from "./availability/availability.resolver";
import { BookingMutationResolver } from "./bookings/booking-mutation.resolver";
import { BookingResolver, EquipmentLineResolver } from "./bookings/booking.resolver";
import { EquipmentResolver } from "./facilities/equipment.resolver";
import { FacilityResolver } from "./facilities/facility.resolver";
import { OrganizationBookingsResolver } from "./bookings/organization-bookings.resolver";
import { venueReferences } from "./resolvers/references";
import { RoomResolver } from "./facilities/room.resolver";
import { SagaResolver } from "./bookings/saga.resolver";
import { TenancyResolver } from "./tenancies/tenancy.resolver";
import { seedVenues } from "./facilities/facility.seed";
import { AreaStub } from "./external/area.stub";
import { OrganizationStub } from "./external/organization.stub";
import { PersonStub } from "./external/person.stub";

/** Facilities, rooms, equipment, opening rules, policies, bookings and tenancies (DOMAIN §5). */
export const venuesSubgraph: SubgraphModule = {
  name: "venues",
  defaultPort: 4003,
  entities: [Facility, Room, Booking, Equipment, OpeningRule, CalendarException, BookingPolicy, Tenancy, OrgEligibility],
  migrations,
  definition: {
    resolvers: [
      FacilityResolver,
      RoomResolver,
      BookingResolver,
      EquipmentLineResolver,
      EquipmentResolver,
      TenancyResolver,
      AvailabilityResolver,
      BookingMutationResolver,
      SagaResolver,
      OrganizationBookingsResolver,
      AreaFacilitiesResolver,
    ],
    orphanedTypes: [OrganizationStub, AreaStub, PersonStub],
    references: venueReferences,
  },
  seed: seedVenues,
};
