import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../../kit/scalars";
import { RoomAvailability } from "../availability";
import { Booking } from "./booking.entity";
import { ConflictReason } from "./booking.enums";

@ObjectType({ description: "A broken booking rule (C1–C8): which, the clashing interval if any, and what to change." })
export class BookingConflict {
  @Field(() => ConflictReason)
  reason: ConflictReason;

  @Field(() => DateTimeScalar, { nullable: true })
  startsAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt: Date | null;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: "The booking, or null with the rules it breaks." })
export class CreateBookingPayload {
  @Field(() => Booking, { nullable: true })
  booking: Booking | null;

  @Field(() => [BookingConflict])
  conflicts: BookingConflict[];
}

@ObjectType({ description: "One occurrence of a series: booked, or the rules it breaks." })
export class BookingOccurrence {
  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field(() => Booking, { nullable: true })
  booking: Booking | null;

  @Field(() => [BookingConflict])
  conflicts: BookingConflict[];
}

@ObjectType({ description: "Each occurrence validated on its own: the booked ones stand even when others conflict." })
export class CreateBookingSeriesPayload {
  @Field(() => ID, { nullable: true, description: "Null when no occurrence could be booked." })
  seriesId: string | null;

  @Field(() => Int)
  booked: number;

  @Field(() => [BookingOccurrence])
  occurrences: BookingOccurrence[];
}

@ObjectType({ description: "The bumped booking and free rooms the organization can move to that day." })
export class BumpBookingPayload {
  @Field(() => Booking)
  booking: Booking;

  @Field(() => [RoomAvailability])
  alternatives: RoomAvailability[];
}
