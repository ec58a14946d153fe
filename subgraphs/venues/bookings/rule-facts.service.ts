import { Brackets, EntityManager } from "typeorm";
import { businessDate } from "../../kit/clock";
import { DAY_MS, MINUTE_MS } from "../../kit/days";
import { MAX_BOOKING_MINUTES } from "./duration.rules";
import {
  BookingPolicy,
  CalendarException,
  DEFAULT_POLICY,
  effectivePolicy,
  Equipment,
  Facility,
  openingHoursOn,
  OpeningRule,
  PolicyFacts,
  Room,
} from "../facilities";
import { Booking } from "./booking.entity";
import { BookingStatus } from "./booking.enums";
import { BLOCKING_STATUSES, effectiveStatus } from "./booking.machine";
import { RuleFacts } from "./booking.rules";
import { BookingFacts, BookingRequest } from "./conflict.rules";
import { OrgEligibility } from "./org-eligibility.entity";
import { businessMonth } from "./quota.rules";

/** A stored booking as the rules see it, with the status the clock implies. */
export function toFacts(booking: Booking, now: Date): BookingFacts {
  return {
    id: booking.id,
    roomId: booking.roomId,
    organizationId: booking.organizationId,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    status: effectiveStatus(booking, now),
    lateCancellation: booking.lateCancellation,
    equipmentLines: booking.equipmentLines ?? [],
  };
}

/** A facility's policy row, or the default one. */
export async function facilityPolicy(tx: EntityManager, facilityId: string): Promise<PolicyFacts> {
  return (await tx.getRepository(BookingPolicy).findOneBy({ facilityId })) ?? DEFAULT_POLICY;
}

/** What C1–C8 need for one request, read inside the booking's transaction after the locks are taken. */
export async function readRuleFacts(
  tx: EntityManager,
  target: { room: Room; facility: Facility; organization: OrgEligibility | null; sponsored: boolean; policy: PolicyFacts; facilityRoomIds: string[] },
  request: BookingRequest,
  now: Date,
): Promise<RuleFacts> {
  const day = businessDate(request.startsAt);
  const [rules, exceptions, equipment] = await Promise.all([
    tx.getRepository(OpeningRule).findBy({ facilityId: target.facility.id }),
    tx
      .getRepository(CalendarException)
      .createQueryBuilder("e")
      .where("e.date = :day", { day })
      .andWhere(new Brackets((qb) => qb.where("e.facilityId = :facilityId", { facilityId: target.facility.id }).orWhere("e.facilityId IS NULL")))
      .getMany(),
    tx.getRepository(Equipment).findBy({ facilityId: target.facility.id }),
  ]);
  // a day either side covers any buffer around the request
  const around = { from: new Date(request.startsAt.getTime() - DAY_MS), to: new Date(request.endsAt.getTime() + DAY_MS) };
  const facilityBookings = await tx
    .getRepository(Booking)
    .createQueryBuilder("b")
    .where("b.roomId IN (:...roomIds)", { roomIds: target.facilityRoomIds })
    .andWhere("b.startsAt < :to AND b.startsAt > :earliest AND b.endsAt > :from", { ...around, earliest: new Date(around.from.getTime() - MAX_BOOKING_MINUTES * MINUTE_MS) })
    .andWhere("b.status IN (:...statuses)", { statuses: [...BLOCKING_STATUSES] })
    .getMany();
  const since = new Date(Math.min(businessMonth(request.startsAt).start.getTime(), now.getTime()));
  const organizationBookings = await tx
    .getRepository(Booking)
    .createQueryBuilder("b")
    .where("b.organizationId = :organizationId", { organizationId: request.organizationId })
    .andWhere("b.roomId IN (:...roomIds)", { roomIds: target.facilityRoomIds })
    .andWhere("b.endsAt > :since", { since })
    .andWhere("b.status NOT IN (:...gone)", { gone: [BookingStatus.REJECTED, BookingStatus.EXPIRED, BookingStatus.BUMPED] })
    .getMany();
  return {
    request,
    room: target.room,
    policy: effectivePolicy(target.policy, request.purpose, target.room.id),
    hours: openingHoursOn(day, rules, exceptions),
    facilityBookings: facilityBookings.map((b) => toFacts(b, now)),
    equipment,
    organization: target.organization,
    sponsored: target.sponsored,
    organizationBookings: organizationBookings.map((b) => toFacts(b, now)),
    now,
  };
}

/** Starts of the organization's no-shows that can still count for the no-show rule (150 days back). */
export async function recentNoShows(tx: EntityManager, organizationId: string, now: Date): Promise<Date[]> {
  const rows = await tx
    .getRepository(Booking)
    .createQueryBuilder("b")
    .where("b.organizationId = :organizationId", { organizationId })
    .andWhere("b.status = :status", { status: BookingStatus.NO_SHOW })
    .andWhere("b.startsAt >= :since AND b.startsAt < :now", { since: new Date(now.getTime() - 150 * DAY_MS), now })
    .getMany();
  return rows.map((b) => b.startsAt);
}

/** The ids of a facility's rooms. */
export async function roomIdsOf(tx: EntityManager, facilityId: string): Promise<string[]> {
  return (await tx.getRepository(Room).find({ select: { id: true }, where: { facilityId } })).map((r) => r.id);
}

