import { Arg, Ctx, Directive, ID, Int, Mutation, Resolver } from "type-graphql";
import { HubContext } from "../../kit/context";
import { BookingCommandService, MAX_HOLD_MINUTES } from "./booking-command.service";
import { CreateBookingPayload } from "./booking-payload.type";
import { BookingTransitionService } from "./booking-transition.service";
import { Booking } from "./booking.entity";
import { CreateBookingInput } from "./booking.input";

const commands = new BookingCommandService();
const transitions = new BookingTransitionService();

/**
 * Internal steps of cross-subgraph sagas (DOMAIN §7): `@inaccessible`, so the gateway's API has none of them;
 * a subgraph calls them directly with its signed service identity, and anyone else gets FORBIDDEN.
 */
@Resolver()
export class SagaResolver {
  @Mutation(() => CreateBookingPayload, { description: "Saga step 1: holds a room (HELD, C1–C8 checked) until holdMinutes pass." })
  @Directive("@inaccessible")
  holdBooking(
    @Arg("input", () => CreateBookingInput) input: CreateBookingInput,
    @Ctx() ctx: HubContext,
    @Arg("holdMinutes", () => Int, { defaultValue: MAX_HOLD_MINUTES }) holdMinutes: number,
  ) {
    return commands.hold(ctx, input, holdMinutes);
  }

  @Mutation(() => Booking, { description: "Saga step 3: confirms a live hold (CONFIRMED, or PENDING_APPROVAL when the venue approves)." })
  @Directive("@inaccessible")
  confirmBooking(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return transitions.apply(ctx, id, "CONFIRM");
  }

  @Mutation(() => Booking, { description: "Saga compensation: releases a hold; releasing one already released or lapsed changes nothing." })
  @Directive("@inaccessible")
  releaseBooking(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return transitions.apply(ctx, id, "RELEASE");
  }
}
