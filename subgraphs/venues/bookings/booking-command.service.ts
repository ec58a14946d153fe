import { EntityManager } from "typeorm";
import { now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { DAY_MS, MINUTE_MS } from "../../kit/days";
import { BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from "../../../platform/errors";
import { newId, parseId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { raise } from "../../kit/problem";
import { BookingPurpose, Facility, Room } from "../facilities";
import { needsApproval, onNoShowProbation } from "./approval.machine";
import { bookingInputProblem, checkedBooking, CheckedBooking } from "./booking-input.rules";
import { Booking } from "./booking.entity";
import { emitRoomBookingsChanged } from "./booking.events";
import { BookingStatus } from "./booking.enums";
import { CreateBookingInput, CreateBookingSeriesInput } from "./booking.input";
import { BookingRole, bookingRole } from "./booking.policy";
import { checkBookingRules } from "./booking.rules";
import { Conflict } from "./conflict.rules";
import { OrgEligibility } from "./org-eligibility.entity";
import { facilityPolicy, readRuleFacts, recentNoShows, roomIdsOf } from "./rule-facts.service";
import { lockForWrite, writeTransaction } from "../../kit/transaction";

/** A booking, or null with the rules the request breaks. */
export interface BookingOutcome {
  booking: Booking | null;
  conflicts: Conflict[];
}

export interface SeriesOutcome {
  seriesId: string | null;
  booked: number;
  occurrences: (BookingOutcome & { startsAt: Date; endsAt: Date })[];
}

interface Target {
  room: Room;
  facility: Facility;
  role: BookingRole;
}

/** The longest a saga may hold a room before it lapses (DOMAIN §8.3: 30 min for a saga). */
export const MAX_HOLD_MINUTES = 30;

/** The ids, then the rest of a booking input; what is wrong first is raised as BAD_USER_INPUT. */
function checkBookingInput(input: CreateBookingInput, argument = "input"): CheckedBooking {
  const roomId = parseId("Room", input.roomId, `${argument}.roomId`);
  const organizationId = parseId("Organization", input.organizationId, `${argument}.organizationId`);
  const academyId = input.academyId == null ? null : parseId("Academy", input.academyId, `${argument}.academyId`);
  if (academyId && input.purpose !== BookingPurpose.COURSE_SESSION) {
    throw new BadInputError(`${argument}.academyId: only a COURSE_SESSION booking is for an academy; leave academyId out or book a COURSE_SESSION.`, { argument: `${argument}.academyId` });
  }
  raise(bookingInputProblem(input, argument));
  return checkedBooking(input, roomId, organizationId, academyId);
}

/**
 * createBooking, createBookingSeries and the saga's holdBooking: authorize, then inside one transaction lock the
 * room (and the facility when equipment is asked for, and the organization's row for its quota), run C1–C8 on
 * what the locks protect, and insert only when no rule is broken.
 */
export class BookingCommandService {
  async create(ctx: HubContext, input: CreateBookingInput): Promise<BookingOutcome> {
    const request = checkBookingInput(input);
    const target = await this.target(ctx, request);
    return writeTransaction(ctx.db, async (tx) => {
      const book = await this.prepare(ctx, tx, target, request);
      return book(request, null);
    });
  }

  async hold(ctx: HubContext, input: CreateBookingInput, holdMinutes: number): Promise<BookingOutcome> {
    if (!ctx.viewer.service) throw new ForbiddenError("holdBooking is a step of a scheduling saga: it accepts only a subgraph's signed service identity.");
    if (!Number.isInteger(holdMinutes) || holdMinutes < 1 || holdMinutes > MAX_HOLD_MINUTES) {
      throw new BadInputError(`holdMinutes: ${holdMinutes} is out of range; hold for 1 to ${MAX_HOLD_MINUTES} minutes.`, { argument: "holdMinutes" });
    }
    const request = checkBookingInput(input);
    const target = await this.target(ctx, request);
    return writeTransaction(ctx.db, async (tx) => {
      const book = await this.prepare(ctx, tx, target, request);
      return book(request, null, new Date(now().getTime() + holdMinutes * MINUTE_MS));
    });
  }

  /** Each occurrence is validated on its own and booked when it passes; the payload reports every one. */
  async createSeries(ctx: HubContext, input: CreateBookingSeriesInput): Promise<SeriesOutcome> {
    if (!Number.isInteger(input.count) || input.count < 2 || input.count > 26) {
      throw new BadInputError(`input.count: ${input.count} is out of range; a series has 2 to 26 occurrences.`, { argument: "input.count" });
    }
    if (!Number.isInteger(input.everyDays) || input.everyDays < 1 || input.everyDays > 28) {
      throw new BadInputError(`input.everyDays: ${input.everyDays} is out of range; repeat every 1 to 28 days.`, { argument: "input.everyDays" });
    }
    const first = checkBookingInput(input.booking, "input.booking");
    const target = await this.target(ctx, first);
    // Asia/Shanghai has no DST: whole days keep the wall-clock times
    const requests = Array.from({ length: input.count }, (_, k) => ({
      ...first,
      startsAt: new Date(first.startsAt.getTime() + k * input.everyDays * DAY_MS),
      endsAt: new Date(first.endsAt.getTime() + k * input.everyDays * DAY_MS),
    }));
    const seriesId = newId("BookingSeries");
    return writeTransaction(ctx.db, async (tx) => {
      const book = await this.prepare(ctx, tx, target, first);
      const occurrences: SeriesOutcome["occurrences"] = [];
      for (const request of requests) occurrences.push({ startsAt: request.startsAt, endsAt: request.endsAt, ...(await book(request, seriesId)) });
      const booked = occurrences.filter((o) => o.booking).length;
      return { seriesId: booked ? seriesId : null, booked, occurrences };
    });
  }

  /** Loads the room and facility and checks who may book for the organization. */
  private async target(ctx: HubContext, request: CheckedBooking): Promise<Target> {
    if (ctx.viewer.anonymous) throw new UnauthenticatedError("Sign in to book a room; the public view shows free and busy times only.");
    const room = await rowLoader(ctx, Room).load(request.roomId);
    if (!room) throw new NotFoundError("Room", request.roomId);
    if (!room.bookable) {
      throw new BadInputError(`input.roomId: ${room.name} is let by incubation tenancy (孵化入驻), not booked by the hour; choose a bookable room.`, { argument: "input.roomId" });
    }
    const facility = (await rowLoader(ctx, Facility).load(room.facilityId)) as Facility;
    const role = bookingRole(ctx.viewer, { organizationId: request.organizationId, purpose: request.purpose, academyId: request.academyId, facility });
    if (!role) throw new ForbiddenError(`You may book only for an organization you lead or belong to (academy staff: a COURSE_SESSION with academyId one of your academies); ${request.organizationId} is not one of yours.`);
    return { room, facility, role };
  }

  /**
   * Takes the locks (facility → room → organization, always in this order) and returns a function that books one
   * request under them. The organization's row is read after the room lock, so it is current.
   */
  private async prepare(ctx: HubContext, tx: EntityManager, target: Target, first: CheckedBooking) {
    if (first.equipment.length) await lockForWrite(tx, tx.getRepository(Facility).createQueryBuilder("f").where("f.id = :id", { id: target.facility.id })).getOne();
    await lockForWrite(tx, tx.getRepository(Room).createQueryBuilder("r").where("r.id = :id", { id: target.room.id })).getOne();
    const organization = await lockForWrite(
      tx,
      tx.getRepository(OrgEligibility).createQueryBuilder("o").where("o.organizationId = :id", { id: first.organizationId }),
    ).getOne();
    if (target.role === "SPONSOR" && organization?.legalForm !== "INFORMAL") {
      throw new ForbiddenError("Community staff book only as sponsors of informal teams; a filed or registered organization books for itself.");
    }
    const at = now();
    const policy = await facilityPolicy(tx, target.facility.id);
    const facilityRoomIds = await roomIdsOf(tx, target.facility.id);
    const probation = onNoShowProbation(await recentNoShows(tx, first.organizationId, at), at);
    const facts = { room: target.room, facility: target.facility, organization, sponsored: target.role === "SPONSOR", policy, facilityRoomIds };

    return async (request: CheckedBooking, seriesId: string | null, holdUntil: Date | null = null): Promise<BookingOutcome> => {
      const ruleFacts = await readRuleFacts(tx, facts, request, at);
      const { conflicts, equipmentLines } = checkBookingRules(ruleFacts);
      if (conflicts.length) return { booking: null, conflicts };
      const approval = needsApproval(ruleFacts.policy, request.expectedAttendance, probation);
      const booking = tx.getRepository(Booking).create({
        id: newId("Booking"),
        roomId: request.roomId,
        organizationId: request.organizationId,
        requestedById: ctx.viewer.personId,
        purpose: request.purpose,
        academyId: request.academyId,
        title: request.title,
        expectedAttendance: request.expectedAttendance,
        startsAt: request.startsAt,
        endsAt: request.endsAt,
        status: holdUntil ? BookingStatus.HELD : approval ? BookingStatus.PENDING_APPROVAL : BookingStatus.CONFIRMED,
        holdExpiresAt: holdUntil,
        visibility: request.visibility,
        equipmentLines: equipmentLines.length ? equipmentLines : null,
        seriesId,
        sponsorPersonId: target.role === "SPONSOR" ? ctx.viewer.personId : null,
        statusReason: null,
        lateCancellation: false,
        approvalRequired: approval,
      });
      await tx.getRepository(Booking).insert(booking);
      await emitRoomBookingsChanged(tx, [{ ...booking, facilityId: target.facility.id }], ctx.requestId);
      return { booking, conflicts: [] };
    };
  }
}
