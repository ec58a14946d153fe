import { businessDate, toBusinessIso } from "../../kit/clock";
import { BookingPurpose, EquipmentType } from "../facilities";
import { BookingStatus, ConflictReason } from "./booking.enums";

/** One broken rule: which, when (the clashing interval, if any) and what to change. */
export interface Conflict {
  reason: ConflictReason;
  message: string;
  startsAt: Date | null;
  endsAt: Date | null;
}

/** What a booking request asks for, already validated as input. */
export interface BookingRequest {
  roomId: string;
  organizationId: string;
  purpose: BookingPurpose;
  expectedAttendance: number;
  startsAt: Date;
  endsAt: Date;
  equipment: { type: EquipmentType; quantity: number }[];
}

/** A stored booking as the rules see it (status already the effective one). */
export interface BookingFacts {
  id: string;
  roomId: string;
  organizationId: string;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  lateCancellation: boolean;
  equipmentLines: { equipmentId: string; quantity: number }[];
}

/** `09:00` on the Asia/Shanghai clock. */
export function clockTime(at: Date): string {
  return toBusinessIso(at).slice(11, 16);
}

/** `2022-03-15 09:00–11:00` on the Asia/Shanghai calendar. */
export function describeSpan(startsAt: Date, endsAt: Date): string {
  return `${businessDate(startsAt)} ${clockTime(startsAt)}–${clockTime(endsAt)}`;
}
