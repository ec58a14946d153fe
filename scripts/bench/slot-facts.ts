import { DataSource } from "typeorm";
import { BLOCKING_STATUSES, Booking, BookingStatus, OrgEligibility, toFacts } from "../../subgraphs/venues/bookings";
import { BookingPolicy, BookingPurpose, CalendarException, DEFAULT_POLICY, effectivePolicy, OpeningRule, openingHoursOn, PolicyFacts, Room } from "../../subgraphs/venues/facilities";
import { SlotFacts } from "./free-slots";

/** What freeSlots needs, read from a venues store (before the load: the bench's own DataSource, not the server's). */
export async function readSlotFacts(db: DataSource, now: Date): Promise<SlotFacts> {
  const [rooms, policies, rules, exceptions, bookings, organizations] = await Promise.all([
    db.getRepository(Room).findBy({ bookable: true }),
    db.getRepository(BookingPolicy).find(),
    db.getRepository(OpeningRule).find(),
    db.getRepository(CalendarException).find(),
    db.getRepository(Booking).find(),
    db.getRepository(OrgEligibility).find(),
  ]);
  const policyOf = new Map<string, PolicyFacts>(policies.map((p) => [p.facilityId, p as PolicyFacts]));
  const facilityOfRoom = new Map(rooms.map((r) => [r.id, r.facilityId]));
  const hours = new Map<string, { from: number; to: number }[]>();
  return {
    now,
    rooms: rooms.map((room) => ({
      id: room.id,
      facilityId: room.facilityId,
      capacity: room.capacity,
      policy: effectivePolicy(policyOf.get(room.facilityId) ?? DEFAULT_POLICY, BookingPurpose.ACTIVITY, room.id),
    })),
    hoursOn: (facilityId, day) => {
      const key = `${facilityId}|${day}`;
      if (!hours.has(key)) {
        const own = exceptions.filter((e) => e.facilityId === facilityId || e.facilityId === null);
        hours.set(key, openingHoursOn(day, rules.filter((r) => r.facilityId === facilityId), own).intervals);
      }
      return hours.get(key)!;
    },
    bookings: bookings
      .filter((b) => facilityOfRoom.has(b.roomId))
      .map((b) => {
        const facts = toFacts(b, now);
        return {
          roomId: b.roomId,
          facilityId: facilityOfRoom.get(b.roomId)!,
          organizationId: b.organizationId,
          startsAt: b.startsAt,
          endsAt: b.endsAt,
          blocking: BLOCKING_STATUSES.includes(facts.status),
          countsForQuota:
            BLOCKING_STATUSES.includes(facts.status) ||
            facts.status === BookingStatus.COMPLETED ||
            facts.status === BookingStatus.NO_SHOW ||
            (facts.status === BookingStatus.CANCELLED && b.lateCancellation),
        };
      }),
    organizations: organizations.map((o) => ({ id: o.organizationId, legalForm: o.legalForm, status: o.status })),
  };
}
