import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { HubContext } from "../../kit/context";
import { DateScalar } from "../../kit/scalars";
import { EquipmentType } from "../facilities";
import { NearInput, TimeWindowInput } from "./availability.input";
import { AvailabilityService } from "./availability.service";
import { RoomAvailability, RoomDayBoard } from "./availability.type";
import { DayBoardService } from "./day-board.service";

const availability = new AvailabilityService();
const boards = new DayBoardService();

@Resolver()
export class AvailabilityResolver {
  @Query(() => [RoomAvailability], {
    description: "Bookable rooms near an area (its parent area's subtree) with free slots on a date within a window, after rules C1–C6; public free/busy.",
  })
  availableRooms(
    @Ctx() ctx: HubContext,
    @Arg("near", () => NearInput) near: NearInput,
    @Arg("date", () => DateScalar) date: string,
    @Arg("window", () => TimeWindowInput) window: TimeWindowInput,
    @Arg("minDurationMinutes", () => Int) minDurationMinutes: number,
    @Arg("minCapacity", () => Int, { nullable: true }) minCapacity?: number,
    @Arg("requireEquipment", () => [EquipmentType], { nullable: true }) requireEquipment?: EquipmentType[],
  ) {
    return availability.availableRooms(ctx, { near, date, window, minDurationMinutes, minCapacity, requireEquipment });
  }

  @Query(() => [RoomDayBoard], { description: "A facility's rooms and their bookings on a date; outside the venue's staff, busy blocks only. Empty for an unknown facility." })
  roomDayBoard(@Ctx() ctx: HubContext, @Arg("facilityId", () => ID) facilityId: string, @Arg("date", () => DateScalar) date: string) {
    return boards.board(ctx, facilityId, date);
  }
}
