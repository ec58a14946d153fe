import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Booking } from "../entities/booking.entity";
import { Room } from "../entities/room.entity";
import { roomById } from "../loaders";
import { OrganizationStub } from "../types/organization.stub";
import { PersonStub } from "../types/person.stub";

@Resolver(() => Booking)
export class BookingResolver {
  @FieldResolver(() => Room)
  room(@Root() booking: Booking, @Ctx() ctx: HubContext) {
    return roomById(ctx).load(booking.roomId);
  }

  @FieldResolver(() => OrganizationStub)
  organization(@Root() booking: Booking): OrganizationStub {
    return { id: booking.organizationId };
  }

  @FieldResolver(() => PersonStub, { nullable: true })
  requestedBy(@Root() booking: Booking): PersonStub | null {
    return booking.requestedById ? { id: booking.requestedById } : null;
  }
}
