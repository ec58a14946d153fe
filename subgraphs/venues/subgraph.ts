import { defineSubgraph } from "../kit/feature";
import { availabilityFeature } from "./availability";
import { bookingsFeature } from "./bookings";
import { externalFeature } from "./external";
import { facilitiesFeature } from "./facilities";
import { migrations } from "./migrations";
import { statsFeature } from "./stats";
import { tenanciesFeature } from "./tenancies";

/** Facilities, rooms, equipment, opening rules, policies, bookings and tenancies (DOMAIN §5). */
export const venuesSubgraph = defineSubgraph({
  name: "venues",
  defaultPort: 4003,
  migrations,
  features: [externalFeature, facilitiesFeature, bookingsFeature, tenanciesFeature, availabilityFeature, statsFeature],
});
