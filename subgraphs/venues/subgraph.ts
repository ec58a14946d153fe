import { SubgraphModule } from "../kit/server";
import { Booking } from "./entities/booking.entity";
import { BookingPolicy } from "./entities/booking-policy.entity";
import { CalendarException } from "./entities/calendar-exception.entity";
import { Equipment } from "./entities/equipment.entity";
import { Facility } from "./entities/facility.entity";
import { OpeningRule } from "./entities/opening-rule.entity";
import { OrgEligibility } from "./entities/org-eligibility.entity";
import { Room } from "./entities/room.entity";
import { Tenancy } from "./entities/tenancy.entity";
import { migrations } from "./migrations";
import { AreaFacilitiesResolver } from "./resolvers/area.resolver";
import { AvailabilityResolver } from "./resolvers/availability.resolver";
import { BookingMutationResolver } from "./resolvers/booking-mutation.resolver";
import { BookingResolver, EquipmentLineResolver } from "./resolvers/booking.resolver";
import { EquipmentResolver } from "./resolvers/equipment.resolver";
import { FacilityResolver } from "./resolvers/facility.resolver";
import { OrganizationBookingsResolver } from "./resolvers/organization.resolver";
import { venueReferences } from "./resolvers/references";
import { RoomResolver } from "./resolvers/room.resolver";
import { SagaResolver } from "./resolvers/saga.resolver";
import { TenancyResolver } from "./resolvers/tenancy.resolver";
import { seedVenues } from "./seed";
import { AreaStub } from "./types/area.stub";
import { OrganizationStub } from "./types/organization.stub";
import { PersonStub } from "./types/person.stub";

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
