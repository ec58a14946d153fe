import { Field, Float, Int, ObjectType } from "type-graphql";

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
