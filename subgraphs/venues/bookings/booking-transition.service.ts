import { now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "../../../platform/errors";
import { parseId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { raise } from "../../kit/problem";
import { AvailabilityService, RoomAvailability } from "../availability";
import { effectivePolicy, Facility, Room } from "../facilities";
import { Booking } from "./booking.entity";
import { emitRoomBookingsChanged } from "./booking.events";
import { BookingStatus } from "./booking.enums";
import { allowedActions, BookingAction, effectiveStatus, isLateCancellation, nextStatus, timingProblem } from "./booking.machine";
import { bookingRole, isService, managesFacility } from "./booking.policy";
import { facilityPolicy } from "./rule-facts.service";
import { lockForWrite, writeTransaction } from "../../kit/transaction";

const MAX_REASON = 200;

/** Who may take each action (DOMAIN §9.2): operators approve, reject, bump and check in; sagas confirm and release. */
const OPERATOR_ACTIONS = new Set<BookingAction>(["APPROVE", "REJECT", "BUMP", "CHECK_IN", "NO_SHOW"]);
const SAGA_ACTIONS = new Set<BookingAction>(["CONFIRM", "RELEASE"]);
const NEEDS_REASON = new Set<BookingAction>(["CANCEL", "REJECT", "BUMP"]);
const DONE: Record<BookingAction, string> = { CONFIRM: "confirmed", APPROVE: "approved", REJECT: "rejected", CANCEL: "cancelled", CHECK_IN: "checked in", NO_SHOW: "recorded as a no-show", BUMP: "bumped", RELEASE: "released" };

/** Moves one booking along §8.3, in one transaction with the booking row locked. */
export class BookingTransitionService {
  /** BUMPED, with the free rooms of the same facility and day it could move to (DOMAIN §5 bumping). */
  async bump(ctx: HubContext, rawId: string, reason: string): Promise<{ booking: Booking; alternatives: RoomAvailability[] }> {
    const booking = await this.apply(ctx, rawId, "BUMP", reason);
    const room = (await rowLoader(ctx, Room).load(booking.roomId)) as Room;
    const facility = (await rowLoader(ctx, Facility).load(room.facilityId)) as Facility;
    return { booking, alternatives: await new AvailabilityService().alternativesFor(ctx, booking, room, facility) };
  }

  async apply(ctx: HubContext, rawId: string, action: BookingAction, rawReason: string | null = null): Promise<Booking> {
    const id = parseId("Booking", rawId, "id");
    const reason = rawReason?.trim() ?? null;
    if (NEEDS_REASON.has(action) && (!reason || reason.length > MAX_REASON)) {
      throw new BadInputError(`reason: give a reason of 1 to ${MAX_REASON} characters; the organization is told it.`, { argument: "reason" });
    }
    if (ctx.viewer.anonymous) throw new UnauthenticatedError("Sign in to change a booking.");
    return writeTransaction(ctx.db, async (tx) => {
      const booking = await lockForWrite(tx, tx.getRepository(Booking).createQueryBuilder("b").where("b.id = :id", { id })).getOne();
      if (!booking) throw new NotFoundError("Booking", id);
      const room = await tx.getRepository(Room).findOneByOrFail({ id: booking.roomId });
      const facility = await tx.getRepository(Facility).findOneByOrFail({ id: room.facilityId });
      this.authorize(ctx, booking, facility, action);

      const at = now();
      const current = effectiveStatus(booking, at);
      // a saga's compensation may run twice or after the hold lapsed: releasing a released hold changes nothing
      if (action === "RELEASE" && (current === BookingStatus.CANCELLED || current === BookingStatus.EXPIRED)) return booking;
      let next = nextStatus(current, action);
      if (!next) {
        throw new ConflictError(`The booking is ${current}: it cannot be ${DONE[action]} now.`, {
          state: current,
          allowed: allowedActions(current),
        });
      }
      if (action === "CONFIRM" && booking.approvalRequired) next = BookingStatus.PENDING_APPROVAL;
      const tooEarlyOrLate = timingProblem(action, booking, at);
      if (tooEarlyOrLate) raise({ ...tooEarlyOrLate, facts: { state: current } });
      if (action === "CANCEL") {
        const policy = effectivePolicy(await facilityPolicy(tx, facility.id), booking.purpose, room.id);
        booking.lateCancellation = isLateCancellation({ status: current, startsAt: booking.startsAt }, policy.cancellationCutoffHours, at);
      }
      booking.status = next;
      if (reason) booking.statusReason = reason;
      else if (action === "RELEASE") booking.statusReason = `Released by the ${ctx.viewer.service} saga.`;
      await tx.getRepository(Booking).update({ id }, { status: booking.status, statusReason: booking.statusReason, lateCancellation: booking.lateCancellation });
      await emitRoomBookingsChanged(tx, [{ ...booking, facilityId: facility.id }], ctx.requestId);
      return booking;
    });
  }

  private authorize(ctx: HubContext, booking: Booking, facility: Facility, action: BookingAction): void {
    const viewer = ctx.viewer;
    if (SAGA_ACTIONS.has(action)) {
      if (!isService(viewer)) throw new ForbiddenError(`${action.toLowerCase()}Booking is a step of a scheduling saga: it accepts only a subgraph's signed service identity.`);
      return;
    }
    if (OPERATOR_ACTIONS.has(action)) {
      if (!managesFacility(viewer, facility.id)) throw new ForbiddenError(`Only the venue admin of ${facility.name} may do this (${action}) to its bookings.`);
      return;
    }
    const role = bookingRole(viewer, { organizationId: booking.organizationId, purpose: booking.purpose, academyId: booking.academyId, facility });
    const sponsor = role === "SPONSOR" && booking.sponsorPersonId !== null && booking.sponsorPersonId === viewer.personId;
    if (!role || (role === "SPONSOR" && !sponsor)) throw new ForbiddenError(`You may cancel only your own organization's bookings; this one belongs to ${booking.organizationId}.`);
  }
}
