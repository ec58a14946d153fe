import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Booking is owned by the venues subgraph; an activity holds only its id (DOMAIN §7). */
@ObjectType("Booking")
@Directive('@key(fields: "id", resolvable: false)')
export class BookingStub {
  @Field(() => ID)
  id: string;
}
