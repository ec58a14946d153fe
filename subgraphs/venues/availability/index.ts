import { cacheTag } from "../../../platform/public-facts";
import { Feature } from "../../kit/feature";
import { AvailabilityResolver } from "./availability.resolver";

export { AvailabilityService } from "./availability.service";
export type { SlotQuery } from "./availability.service";
export { FreeSlot, RoomAvailability, RoomDayBoard } from "./availability.type";

/** Free rooms and slots near an area (Q1) and a facility's day board (Q15): public free/busy reads. */
export const availabilityFeature: Feature = {
  name: "availability",
  resolvers: [AvailabilityResolver],
  publicReads: {
    queries: {
      roomDayBoard: (args: { facilityId: string; date: string }, boards: { room: { id: string } }[]) => [
        cacheTag.facilityDay(args.facilityId, args.date),
        ...boards.map((board) => cacheTag.roomDay(board.room.id, args.date)),
      ],
      // only the rooms still free are listed, so a cancellation elsewhere that day changes the answer too
      availableRooms: (args: { date: string }) => [cacheTag.freeBusyDay(args.date)],
    },
  },
};
