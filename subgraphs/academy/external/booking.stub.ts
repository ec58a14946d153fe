import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A room booking, owned by the venues subgraph; a session holds only its id (DOMAIN §7). */
@ObjectType("Booking")
@Directive('@key(fields: "id")')
export class BookingStub {
  @Field(() => ID)
  id: string;
}
