import { Feature } from "../../kit/feature";
import { AvailabilityResolver } from "./availability.resolver";

export { AvailabilityService } from "./availability.service";
export type { SlotQuery } from "./availability.service";
export { FreeSlot, RoomAvailability, RoomDayBoard } from "./availability.type";

/** Free rooms and slots near an area (Q1) and a facility's day board (Q15): public free/busy reads. */
export const availabilityFeature: Feature = {
  name: "availability",
  resolvers: [AvailabilityResolver],
};
