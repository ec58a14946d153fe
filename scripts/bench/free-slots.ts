import type { PolicyFacts } from "../../subgraphs/venues/facilities";
import { businessDate, startOfBusinessDay } from "../../subgraphs/kit/clock";
import { addDays, HOUR_MS, MINUTE_MS } from "../../subgraphs/kit/days";

// M2 under load books free slots, each request a different one that venues' rules C1–C8 accept: a room that is
// bookable, a time inside its opening hours, on the slot grid, within the booking window and lead time, clear of
// every booking of the room by the venue's buffer, for an organization that is eligible and has quota left there.
// Pure: the facts come from the venues store (slot-facts.ts), so a test checks the output against the rules.

/** The parts of a room's effective policy (purpose ACTIVITY) that decide whether a slot is bookable. */
export type SlotPolicy = Pick<
  PolicyFacts,
  "minLeadHours" | "maxAdvanceDays" | "maxDurationMinutes" | "bufferMinutes" | "slotMinutes" | "perOrgMonthlyMinutesCap" | "perOrgMaxActiveBookings" | "eligibleLegalForms"
>;

export interface SlotRoom {
  id: string;
  facilityId: string;
  capacity: number;
  policy: SlotPolicy;
}

/** A stored booking as the quota and overlap rules count it (its effective status already decided). */
export interface SlotBooking {
  roomId: string;
  facilityId: string;
  organizationId: string;
  startsAt: Date;
  endsAt: Date;
  /** Holds its room (C1): HELD, PENDING_APPROVAL, CONFIRMED, CHECKED_IN. */
  blocking: boolean;
  /** Uses the organization's monthly minutes (C8). */
  countsForQuota: boolean;
}

export interface SlotOrganization {
  id: string;
  legalForm: string;
  status: string;
}

export interface SlotFacts {
  now: Date;
  rooms: SlotRoom[];
  /** A facility's opening intervals on a business day, minutes after local midnight, calendar exceptions applied. */
  hoursOn: (facilityId: string, day: string) => { from: number; to: number }[];
  bookings: SlotBooking[];
  organizations: SlotOrganization[];
}

/** One createBooking input's facts: the bench turns it into the M2 variables. */
export interface SlotRequest {
  roomId: string;
  facilityId: string;
  organizationId: string;
  startsAt: Date;
  endsAt: Date;
  expectedAttendance: number;
}

const ceilTo = (value: number, step: number) => Math.ceil(value / step) * step;

/** Free slots of every room, in the order the load should take them: rooms interleaved, each room's slots in time order. */
function candidates(facts: SlotFacts, minutes: number): { room: SlotRoom; startsAt: Date; endsAt: Date }[][] {
  const today = businessDate(facts.now);
  return facts.rooms.map((room) => {
    const { policy } = room;
    const length = ceilTo(Math.max(minutes, policy.slotMinutes), policy.slotMinutes);
    if (length > policy.maxDurationMinutes) return [];
    const buffer = policy.bufferMinutes * MINUTE_MS;
    const taken = facts.bookings.filter((b) => b.roomId === room.id && b.blocking).map((b) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime() }));
    const earliest = facts.now.getTime() + policy.minLeadHours * HOUR_MS;
    const found: { room: SlotRoom; startsAt: Date; endsAt: Date }[] = [];
    for (let day = today; day <= addDays(today, policy.maxAdvanceDays); day = addDays(day, 1)) {
      const midnight = startOfBusinessDay(day).getTime();
      for (const interval of facts.hoursOn(room.facilityId, day)) {
        let minute = ceilTo(interval.from, policy.slotMinutes);
        while (minute + length <= interval.to) {
          const start = midnight + minute * MINUTE_MS;
          const end = start + length * MINUTE_MS;
          const clear = start >= earliest && taken.every((b) => end <= b.start - buffer || start >= b.end + buffer);
          if (!clear) {
            minute += policy.slotMinutes;
            continue;
          }
          found.push({ room, startsAt: new Date(start), endsAt: new Date(end) });
          taken.push({ start, end });
          minute = ceilTo(minute + length + policy.bufferMinutes, policy.slotMinutes);
        }
      }
    }
    return found;
  });
}

/** Round-robin over the lists: the first of each, then the second of each, … */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((list) => i < list.length); i++) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

/**
 * Up to `limit` distinct free slots of `minutes` (rounded up to each venue's grid), each with an organization that
 * may book it: ACTIVE, of a legal form the venue admits and not INFORMAL (those book through a sponsor), with
 * fewer than the venue's active bookings and enough of its monthly minutes left, counting the stored bookings
 * and the slots handed out before. Slots no organization may take are left out.
 */
export function freeSlots(facts: SlotFacts, options: { minutes?: number; limit?: number } = {}): SlotRequest[] {
  const minutes = options.minutes ?? 30;
  const limit = options.limit ?? Infinity;
  const orgs = facts.organizations.filter((o) => o.status === "ACTIVE" && o.legalForm !== "INFORMAL");
  const active = new Map<string, number>(); // org|facility → blocking bookings not yet over
  const used = new Map<string, number>(); // org|facility|month → minutes
  const month = (at: Date) => businessDate(at).slice(0, 7);
  const bump = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);
  for (const b of facts.bookings) {
    if (b.blocking && b.endsAt > facts.now) bump(active, `${b.organizationId}|${b.facilityId}`, 1);
    if (b.countsForQuota) bump(used, `${b.organizationId}|${b.facilityId}|${month(b.startsAt)}`, (b.endsAt.getTime() - b.startsAt.getTime()) / MINUTE_MS);
  }
  const slots: SlotRequest[] = [];
  let next = 0;
  for (const { room, startsAt, endsAt } of interleave(candidates(facts, minutes))) {
    if (slots.length >= limit) break;
    const length = (endsAt.getTime() - startsAt.getTime()) / MINUTE_MS;
    const { policy } = room;
    for (let tried = 0; tried < orgs.length; tried++) {
      const org = orgs[(next + tried) % orgs.length];
      const key = `${org.id}|${room.facilityId}`;
      const monthKey = `${key}|${month(startsAt)}`;
      if (!policy.eligibleLegalForms.includes(org.legalForm)) continue;
      if (policy.perOrgMaxActiveBookings !== null && (active.get(key) ?? 0) + 1 > policy.perOrgMaxActiveBookings) continue;
      if (policy.perOrgMonthlyMinutesCap !== null && (used.get(monthKey) ?? 0) + length > policy.perOrgMonthlyMinutesCap) continue;
      bump(active, key, 1);
      bump(used, monthKey, length);
      slots.push({ roomId: room.id, facilityId: room.facilityId, organizationId: org.id, startsAt, endsAt, expectedAttendance: Math.min(room.capacity, 10) });
      next = (next + tried + 1) % orgs.length;
      break;
    }
  }
  return slots;
}
