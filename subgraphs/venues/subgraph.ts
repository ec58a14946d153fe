import { defineSubgraph } from "../kit/feature";
import { availabilityFeature } from "./availability";
import { bookingsFeature } from "./bookings";
import { directoryFeature } from "./directory";
import { externalFeature } from "./external";
import { facilitiesFeature } from "./facilities";
import { migrations } from "./migrations";
import { statsFeature } from "./stats";
import { tenanciesFeature } from "./tenancies";

// The order the features' resolvers load in is the order of their fields in the SDL: availability's queries
// before the directory's, Organization.bookings before Organization.incubationTenancy. Keep these imports so.

/** Facilities, rooms, equipment, opening rules, policies, bookings and tenancies (DOMAIN §5). */
export const venuesSubgraph = defineSubgraph({
  name: "venues",
  defaultPort: 4003,
  migrations,
  features: [externalFeature, facilitiesFeature, bookingsFeature, tenanciesFeature, availabilityFeature, directoryFeature, statsFeature],
});
