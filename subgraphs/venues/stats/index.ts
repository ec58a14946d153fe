import { Feature } from "../../kit/feature";
import { AreaStatsResolver } from "./area-stats.resolver";

export { BookingStats } from "./booking-stats.type";

/** Area.bookingStats (Q6): venue use in an area's subtree over a period. */
export const statsFeature: Feature = {
  name: "stats",
  resolvers: [AreaStatsResolver],
};
