import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { businessDayInterval, DAY_MS, MINUTE_MS } from "../../kit/days";
import { BadInputError } from "../../../platform/errors";
import { parseAreaCode } from "../../kit/ids";
import { loaded, rowLoader } from "../../kit/loaders";
import { BLOCKING_STATUSES, Booking, bookingsByRoom, earliestStart, equipmentBusyIntervals, lastBookableDay, toFacts } from "../bookings";
import {
  BookingPolicy,
  BookingPurpose,
  DEFAULT_POLICY,
  effectivePolicy,
  equipmentByFacility,
  EquipmentType,
  exceptionsByFacility,
  Facility,
  Interval,
  localTimeMinutes,
  openingHoursOn,
  openingRulesByFacility,
  Room,
  roomsByFacility,
  subtreePrefix,
} from "../facilities";
import { NearInput, TimeWindowInput } from "./availability.input";
import { RoomAvailability } from "./availability.type";
import { freeSlots } from "./free-slots.rules";
import { nearPrefix } from "./near.rules";

/** A checked availability question for one day. */
export interface SlotQuery {
  day: string;
  window: { from: number; to: number };
  minDurationMinutes: number;
  minCapacity: number;
  requireEquipment: EquipmentType[];
  /** Apply the policy's override for this purpose (null: the facility's plain policy). */
  purpose: BookingPurpose | null;
}

/** Free rooms and slots (Q1): public free/busy reads (DOMAIN §9.2). */
export class AvailabilityService {
  async availableRooms(
    ctx: HubContext,
    args: { near: NearInput; date: string; window: TimeWindowInput; minDurationMinutes: number; minCapacity?: number | null; requireEquipment?: EquipmentType[] | null },
  ): Promise<RoomAvailability[]> {
    const areaCode = parseAreaCode(args.near.areaCode, "near.areaCode");
    const radius = args.near.radiusMeters;
    if (radius !== null && radius !== undefined && (radius < 1 || radius > 50_000)) {
      throw new BadInputError(`near.radiusMeters: ${radius} is out of range; give 1 to 50000 metres.`, { argument: "near.radiusMeters" });
    }
    const from = localTimeMinutes(args.window.from) as number;
    const to = localTimeMinutes(args.window.to) as number;
    if (from >= to) throw new BadInputError(`window: from (${args.window.from}) is not before to (${args.window.to}); give from < to.`, { argument: "window" });
    if (!Number.isInteger(args.minDurationMinutes) || args.minDurationMinutes < 1 || args.minDurationMinutes > 24 * 60) {
      throw new BadInputError(`minDurationMinutes: ${args.minDurationMinutes} is out of range; ask for 1 to 1440 minutes.`, { argument: "minDurationMinutes" });
    }
    const minCapacity = args.minCapacity ?? 1;
    if (!Number.isInteger(minCapacity) || minCapacity < 1 || minCapacity > 10_000) {
      throw new BadInputError(`minCapacity: ${minCapacity} is out of range; ask for 1 to 10000 people.`, { argument: "minCapacity" });
    }
    // checked codes hold only [0-9A-Z], so the prefix needs no LIKE escaping
    const facilities = await ctx.db
      .getRepository(Facility)
      .createQueryBuilder("f")
      .where("f.areaCode LIKE :prefix", { prefix: `${nearPrefix(areaCode)}%` })
      .orderBy("f.id", "ASC")
      .getMany();
    // the caller's own area first, then the rest of the neighbourhood
    const own = subtreePrefix(areaCode);
    facilities.sort((a, b) => Number(b.areaCode.startsWith(own)) - Number(a.areaCode.startsWith(own)));
    const query: SlotQuery = { day: args.date, window: { from, to }, minDurationMinutes: args.minDurationMinutes, minCapacity, requireEquipment: [...new Set(args.requireEquipment ?? [])], purpose: null };
    return this.inFacilities(ctx, facilities, query);
  }

  /** Rooms of these facilities (in this order) with at least one free slot for the query. */
  async inFacilities(ctx: HubContext, facilities: Facility[], q: SlotQuery, excludeRoomId: string | null = null): Promise<RoomAvailability[]> {
    if (!facilities.length) return [];
    const ids = facilities.map((f) => f.id);
    const [roomLists, policies, rules, exceptions, equipment] = await Promise.all([
      roomsByFacility(ctx).loadMany(ids).then(loaded),
      rowLoader(ctx, BookingPolicy, "facilityId").loadMany(ids).then(loaded),
      openingRulesByFacility(ctx).loadMany(ids).then(loaded),
      exceptionsByFacility(ctx, { from: q.day, to: q.day }).loadMany(ids).then(loaded),
      equipmentByFacility(ctx).loadMany(ids).then(loaded),
    ]);
    const day = businessDayInterval(q.day, q.day);
    const around = { start: new Date(day.start.getTime() - DAY_MS), end: new Date(day.end.getTime() + DAY_MS) };
    const allRooms = roomLists.flat();
    const bookingLists = loaded(await bookingsByRoom(ctx, around).loadMany(allRooms.map((r) => r.id)));
    const bookingsOf = new Map<string, Booking[]>(allRooms.map((r, i) => [r.id, bookingLists[i]]));
    const at = now();
    const result: RoomAvailability[] = [];
    facilities.forEach((facility, f) => {
      const facilityPolicy = policies[f] ?? DEFAULT_POLICY;
      const hours = openingHoursOn(q.day, rules[f], exceptions[f]);
      const facilityBookings = roomLists[f].flatMap((r) => bookingsOf.get(r.id) ?? []).map((b) => toFacts(b, at));
      for (const room of roomLists[f]) {
        if (!room.bookable || room.capacity < q.minCapacity || room.id === excludeRoomId) continue;
        const equipmentBusy: Interval[] = [];
        const missing = q.requireEquipment.some((type) => {
          const busy = equipmentBusyIntervals(type, equipment[f], room.id, facilityBookings);
          if (busy) equipmentBusy.push(...busy);
          return busy === null;
        });
        if (missing) continue;
        const policy = q.purpose ? effectivePolicy(facilityPolicy, q.purpose, room.id) : facilityPolicy;
        const taken = facilityBookings.filter((b) => b.roomId === room.id && BLOCKING_STATUSES.includes(b.status)).map((b) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime() }));
        const slots = freeSlots({
          hours,
          window: q.window,
          taken,
          bufferMinutes: policy.bufferMinutes,
          equipmentBusy,
          earliestStart: earliestStart(policy, at),
          lastDay: lastBookableDay(policy, at),
          slotMinutes: policy.slotMinutes,
          maxDurationMinutes: policy.maxDurationMinutes,
          minDurationMinutes: q.minDurationMinutes,
        });
        if (slots.length) result.push({ room, freeSlots: slots.map((s) => ({ startsAt: new Date(s.start), endsAt: new Date(s.end) })) });
      }
    });
    return result;
  }

  /** Where a bumped booking can move on its day (DOMAIN §5: the organization must be offered an alternative). */
  async alternativesFor(ctx: HubContext, booking: Booking, room: Room, facility: Facility): Promise<RoomAvailability[]> {
    const minutes = (booking.endsAt.getTime() - booking.startsAt.getTime()) / MINUTE_MS;
    const q: SlotQuery = { day: businessDate(booking.startsAt), window: { from: 0, to: 24 * 60 }, minDurationMinutes: minutes, minCapacity: booking.expectedAttendance, requireEquipment: [], purpose: booking.purpose };
    return this.inFacilities(ctx, [facility], q, room.id);
  }
}
