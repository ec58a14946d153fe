import { EntityManager, In } from "typeorm";
import { businessDate } from "../../kit/clock";
import { DAY_MS } from "../../kit/days";
import { emitEvents } from "../../kit/events";
import { RoomBookingsChanged } from "../../kit/events/catalog";
import { Room } from "../facilities";

/** What a changed booking tells the gateway's cache: its room and the time it blocks (or no longer blocks). */
export interface ChangedBooking {
  roomId: string;
  startsAt: Date;
  endsAt: Date;
  /** Known to most callers; looked up (one statement for all) when absent. */
  facilityId?: string;
}

/** The business days [startsAt, endsAt) touches. */
function daysOf(startsAt: Date, endsAt: Date): string[] {
  const days = new Set<string>();
  for (let at = startsAt.getTime(); at < endsAt.getTime(); at += DAY_MS) days.add(businessDate(new Date(at)));
  days.add(businessDate(new Date(Math.max(startsAt.getTime(), endsAt.getTime() - 1))));
  return [...days].sort();
}

/**
 * Emits RoomBookingsChanged, one event per room with every day its changed bookings touch, inside the mutation's
 * writeTransaction: the gateway drops the free/busy answers of those rooms and days (issue 12, point 5).
 */
export async function emitRoomBookingsChanged(tx: EntityManager, bookings: readonly ChangedBooking[], requestId: string | null): Promise<void> {
  if (!bookings.length) return;
  const unknown = [...new Set(bookings.filter((b) => !b.facilityId).map((b) => b.roomId))];
  const rooms = unknown.length ? await tx.getRepository(Room).find({ select: { id: true, facilityId: true }, where: { id: In(unknown) } }) : [];
  const facilityOf = new Map(rooms.map((room) => [room.id, room.facilityId]));
  const byRoom = new Map<string, { facilityId: string; days: Set<string> }>();
  for (const booking of bookings) {
    const facilityId = booking.facilityId ?? facilityOf.get(booking.roomId);
    if (!facilityId) continue;
    const entry = byRoom.get(booking.roomId) ?? byRoom.set(booking.roomId, { facilityId, days: new Set() }).get(booking.roomId)!;
    for (const day of daysOf(booking.startsAt, booking.endsAt)) entry.days.add(day);
  }
  const events = [...byRoom].map(([roomId, { facilityId, days }]) => ({ aggregateId: roomId, payload: { roomId, facilityId, days: [...days].sort() } }));
  await emitEvents(tx, RoomBookingsChanged, events, requestId);
}
