import { ConflictReason } from "./booking.enums";
import { Conflict } from "./conflict.rules";

/** C5 Capacity: expectedAttendance ≤ room.capacity. */
export function capacityConflicts(expectedAttendance: number, room: { name: string; capacity: number }): Conflict[] {
  if (expectedAttendance <= room.capacity) return [];
  return [{ reason: ConflictReason.CAPACITY, startsAt: null, endsAt: null, message: `${room.name} holds ${room.capacity} people, not ${expectedAttendance}; choose a larger room or fewer people.` }];
}
