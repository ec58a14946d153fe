import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../../kit/scalars";
import { Booking } from "../bookings";
import { Room } from "../facilities";

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
