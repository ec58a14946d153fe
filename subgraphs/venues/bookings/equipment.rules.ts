import { EquipmentType, Interval, merge, overlaps } from "../facilities";
import { ConflictReason } from "./booking.enums";
import { BLOCKING_STATUSES } from "./booking.machine";
import { BookingFacts, Conflict } from "./conflict.rules";

/** A facility's equipment: installed in one room (`movable` false) or lent across the facility. */
export interface EquipmentItem {
  id: string;
  type: EquipmentType;
  quantity: number;
  movable: boolean;
  roomId: string | null;
}

export interface EquipmentLineFacts {
  equipmentId: string;
  quantity: number;
}

/** Items a booking of `roomId` can use: those installed in it, facility-wide fixtures and anything movable. */
function usableIn(items: readonly EquipmentItem[], type: EquipmentType, roomId: string): EquipmentItem[] {
  return items
    .filter((item) => item.type === type && (item.movable || item.roomId === null || item.roomId === roomId))
    .sort((a, b) => Number(b.roomId === roomId) - Number(a.roomId === roomId) || a.id.localeCompare(b.id));
}

/** Bookings of other rooms overlapping `at` (one in the same room is already a C1 conflict). */
const competing = (bookings: readonly BookingFacts[], roomId: string, at: Interval) =>
  bookings.filter((b) => b.roomId !== roomId && BLOCKING_STATUSES.includes(b.status) && overlaps(at, { start: b.startsAt.getTime(), end: b.endsAt.getTime() }));

function reservedBy(bookings: readonly BookingFacts[]): Map<string, number> {
  const reserved = new Map<string, number>();
  for (const booking of bookings) {
    for (const line of booking.equipmentLines) reserved.set(line.equipmentId, (reserved.get(line.equipmentId) ?? 0) + line.quantity);
  }
  return reserved;
}

/**
 * C6 Equipment: what the request reserves, item by item, so that the reservations of overlapping bookings in
 * the facility never exceed an item's stock. `bookings` are the facility's bookings around the request; those in
 * the request's own room are left to C1.
 */
export function allocateEquipment(
  request: { roomId: string; startsAt: Date; endsAt: Date; equipment: { type: EquipmentType; quantity: number }[] },
  items: readonly EquipmentItem[],
  bookings: readonly BookingFacts[],
): { lines: EquipmentLineFacts[]; conflicts: Conflict[] } {
  const others = competing(bookings, request.roomId, { start: request.startsAt.getTime(), end: request.endsAt.getTime() });
  const reserved = reservedBy(others);
  const lines: EquipmentLineFacts[] = [];
  const conflicts: Conflict[] = [];
  for (const wanted of request.equipment) {
    const usable = usableIn(items, wanted.type, request.roomId);
    const stock = usable.reduce((sum, item) => sum + item.quantity, 0);
    let missing = wanted.quantity;
    for (const item of usable) {
      const take = Math.min(missing, item.quantity - (reserved.get(item.id) ?? 0));
      if (take <= 0) continue;
      lines.push({ equipmentId: item.id, quantity: take });
      missing -= take;
      if (missing === 0) break;
    }
    if (missing === 0) continue;
    if (stock === 0) {
      conflicts.push({ reason: ConflictReason.EQUIPMENT_UNAVAILABLE, startsAt: null, endsAt: null, message: `This facility has no ${wanted.type} for this room; book without it or choose another venue.` });
      continue;
    }
    const clashing = others.filter((b) => b.equipmentLines.some((l) => usable.some((i) => i.id === l.equipmentId)));
    const span = merge(clashing.map((b) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime() })));
    conflicts.push({
      reason: ConflictReason.EQUIPMENT_UNAVAILABLE,
      startsAt: span.length ? new Date(span[0].start) : null,
      endsAt: span.length ? new Date(span[span.length - 1].end) : null,
      message: `Only ${wanted.quantity - missing} of the ${wanted.quantity} ${wanted.type} asked for are free then (stock ${stock}); ask for fewer or choose another time.`,
    });
  }
  return { lines, conflicts };
}

/**
 * When a room cannot have one `type` of equipment on top of the facility's other bookings (for free slots):
 * null when the room cannot have it at all, else the intervals in which every usable item is taken.
 */
export function equipmentBusyIntervals(type: EquipmentType, items: readonly EquipmentItem[], roomId: string, bookings: readonly BookingFacts[]): Interval[] | null {
  const usable = usableIn(items, type, roomId);
  if (!usable.length) return null;
  const ids = new Set(usable.map((i) => i.id));
  const stock = usable.reduce((sum, item) => sum + item.quantity, 0);
  const holding = bookings.filter((b) => BLOCKING_STATUSES.includes(b.status) && b.roomId !== roomId && b.equipmentLines.some((l) => ids.has(l.equipmentId)));
  const edges = [...new Set(holding.flatMap((b) => [b.startsAt.getTime(), b.endsAt.getTime()]))].sort((a, b) => a - b);
  const busy: Interval[] = [];
  for (let k = 0; k + 1 < edges.length; k += 1) {
    const piece = { start: edges[k], end: edges[k + 1] };
    const used = holding
      .filter((b) => overlaps(piece, { start: b.startsAt.getTime(), end: b.endsAt.getTime() }))
      .reduce((sum, b) => sum + b.equipmentLines.filter((l) => ids.has(l.equipmentId)).reduce((s, l) => s + l.quantity, 0), 0);
    if (used >= stock) busy.push(piece);
  }
  return merge(busy);
}
