import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../../kit/scalars";
import { Booking } from "../bookings/booking.entity";
import { Room } from "../facilities/room.entity";

@ObjectType()
export class FreeSlot {
  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;
}

@ObjectType({ description: "A room and its free intervals, after rules C1–C6." })
export class RoomAvailability {
  @Field(() => Room)
  room: Room;

  @Field(() => [FreeSlot])
  freeSlots: FreeSlot[];
}

@ObjectType({ description: "A room's bookings on one day." })
export class RoomDayBoard {
  @Field(() => Room)
  room: Room;

  @Field(() => [Booking])
  bookings: Booking[];
}

@ObjectType({ description: "Venue use in an area over a period; utilization is booked minutes over the rooms' open minutes." })
export class BookingStats {
  @Field(() => Int)
  bookings: number;

  @Field(() => Int)
  bookedMinutes: number;

  @Field(() => Float)
  utilization: number;

  @Field(() => Int)
  noShows: number;
}
