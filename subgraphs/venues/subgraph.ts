import { SubgraphModule } from "../kit/server";
import { Booking } from "./entities/booking.entity";
import { Facility } from "./entities/facility.entity";
import { Room } from "./entities/room.entity";
import { migrations } from "./migrations";
import { AreaFacilitiesResolver } from "./resolvers/area.resolver";
import { BookingResolver } from "./resolvers/booking.resolver";
import { FacilityResolver } from "./resolvers/facility.resolver";
import { OrganizationBookingsResolver } from "./resolvers/organization.resolver";
import { venueReferences } from "./resolvers/references";
import { RoomResolver } from "./resolvers/room.resolver";
import { seedVenues } from "./seed";
import { AreaStub } from "./types/area.stub";
import { OrganizationStub } from "./types/organization.stub";
import { PersonStub } from "./types/person.stub";

/** Facilities, rooms and bookings (DOMAIN §5). */
export const venuesSubgraph: SubgraphModule = {
  name: "venues",
  defaultPort: 4003,
  entities: [Facility, Room, Booking],
  migrations,
  definition: {
    resolvers: [FacilityResolver, RoomResolver, BookingResolver, OrganizationBookingsResolver, AreaFacilitiesResolver],
    orphanedTypes: [OrganizationStub, AreaStub, PersonStub],
    references: venueReferences,
  },
  seed: seedVenues,
};
