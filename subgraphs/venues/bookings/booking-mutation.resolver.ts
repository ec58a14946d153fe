import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { HubContext } from "../../kit/context";
import { BookingCommandService } from "./booking-command.service";
import { BumpBookingPayload, CreateBookingPayload, CreateBookingSeriesPayload } from "./booking-payload.type";
import { BookingTransitionService } from "./booking-transition.service";
import { Booking } from "./booking.entity";
import { CreateBookingInput, CreateBookingSeriesInput } from "./booking.input";

const commands = new BookingCommandService();
const transitions = new BookingTransitionService();

@Resolver()
export class BookingMutationResolver {
  @Mutation(() => CreateBookingPayload, { description: "Books a room for your organization; broken rules C1–C8 come back as conflicts, with nothing booked." })
  createBooking(@Arg("input", () => CreateBookingInput) input: CreateBookingInput, @Ctx() ctx: HubContext) {
    return commands.create(ctx, input);
  }

  @Mutation(() => CreateBookingSeriesPayload, { description: "Books a recurring series; each occurrence is checked on its own and reported." })
  createBookingSeries(@Arg("input", () => CreateBookingSeriesInput) input: CreateBookingSeriesInput, @Ctx() ctx: HubContext) {
    return commands.createSeries(ctx, input);
  }

  @Mutation(() => Booking, { description: "Cancels your organization's booking; after the venue's cutoff it still counts against the monthly quota." })
  cancelBooking(@Arg("id", () => ID) id: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: HubContext) {
    return transitions.apply(ctx, id, "CANCEL", reason);
  }

  @Mutation(() => Booking, { description: "Venue admin: checks a confirmed booking in, from 30 min before its start until its end." })
  checkInBooking(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return transitions.apply(ctx, id, "CHECK_IN");
  }

  @Mutation(() => Booking, { description: "Venue admin: records that a confirmed booking was not used, from 30 min after its start." })
  recordNoShow(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return transitions.apply(ctx, id, "NO_SHOW");
  }

  @Mutation(() => Booking, { description: "Venue admin: approves a booking pending approval." })
  approveBooking(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return transitions.apply(ctx, id, "APPROVE");
  }

  @Mutation(() => Booking, { description: "Venue admin: rejects a booking pending approval, saying why." })
  rejectBooking(@Arg("id", () => ID) id: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: HubContext) {
    return transitions.apply(ctx, id, "REJECT", reason);
  }

  @Mutation(() => BumpBookingPayload, { description: "Venue admin: bumps a confirmed booking for an emergency or government use, saying why; offers free rooms that day." })
  bumpBooking(@Arg("id", () => ID) id: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: HubContext) {
    return transitions.bump(ctx, id, reason);
  }
}
