import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { OrganizationStub, PersonStub } from "../external";
import { rowLoader } from "../../kit/loaders";
import { Equipment, Room } from "../facilities";
import { Booking } from "./booking.entity";
import { BookingStatus } from "./booking.enums";
import { effectiveStatus } from "./booking.machine";
import { seesBookingDetails, visibleTitle } from "./booking.policy";
import { EquipmentLine } from "./equipment-line.type";

@Resolver(() => Booking)
export class BookingResolver {
  @FieldResolver(() => Room)
  room(@Root() booking: Booking, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Room).load(booking.roomId);
  }

  /** Kept for every viewer: the contract makes it non-null, and which organization uses a public room is public. */
  @FieldResolver(() => OrganizationStub)
  organization(@Root() booking: Booking): OrganizationStub {
    return { id: booking.organizationId };
  }

  @FieldResolver(() => String, { description: "已预约 (a busy block) for viewers outside the booking, unless it is PUBLIC." })
  title(@Root() booking: Booking, @Ctx() ctx: HubContext) {
    return visibleTitle(ctx, booking);
  }

  @FieldResolver(() => PersonStub, { nullable: true, description: "Who requested it; null for viewers outside the booking." })
  async requestedBy(@Root() booking: Booking, @Ctx() ctx: HubContext): Promise<PersonStub | null> {
    if (!booking.requestedById || !(await seesBookingDetails(ctx, booking))) return null;
    return { id: booking.requestedById };
  }

  @FieldResolver(() => BookingStatus, { description: "The state now: a lapsed hold is EXPIRED, a checked-in booking is COMPLETED at its end." })
  status(@Root() booking: Booking): BookingStatus {
    return effectiveStatus(booking, now());
  }

  @FieldResolver(() => String, { nullable: true, description: "Why it was cancelled, rejected or bumped; null for viewers outside the booking." })
  async statusReason(@Root() booking: Booking, @Ctx() ctx: HubContext): Promise<string | null> {
    return booking.statusReason && (await seesBookingDetails(ctx, booking)) ? booking.statusReason : null;
  }

  @FieldResolver(() => [EquipmentLine])
  equipment(@Root() booking: Booking): EquipmentLine[] {
    return (booking.equipmentLines ?? []).map((line) => Object.assign(new EquipmentLine(), line));
  }
}

@Resolver(() => EquipmentLine)
export class EquipmentLineResolver {
  @FieldResolver(() => Equipment)
  equipment(@Root() line: EquipmentLine, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Equipment).load(line.equipmentId);
  }
}
