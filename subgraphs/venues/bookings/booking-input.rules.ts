import { MINUTE_MS } from "../../kit/days";
import { problem, Problem } from "../../kit/problem";
import { BookingPurpose, EquipmentType } from "../facilities";
import { BookingVisibility } from "./booking.enums";
import { BookingRequest } from "./conflict.rules";

/** A booking request that passed input validation (malformed input is BAD_USER_INPUT, never a conflict). */
export interface CheckedBooking extends BookingRequest {
  title: string;
  visibility: BookingVisibility;
  /** The academy a COURSE_SESSION is for (academy staff book only for their own academies). */
  academyId: string | null;
}

/** A booking input as given; its ids are parsed apart (kit parseId). */
export interface BookingInputFacts {
  purpose: BookingPurpose;
  title: string;
  expectedAttendance: number;
  startsAt: Date;
  endsAt: Date;
  equipment?: { type: EquipmentType; quantity: number }[] | null;
  visibility?: BookingVisibility | null;
}

const MAX_TITLE = 100;
const MAX_ATTENDANCE = 10_000;
const MAX_SPAN_MINUTES = 24 * 60;

const bad = (argument: string, message: string) => problem("BAD_USER_INPUT", `${argument}: ${message}`, { argument });

/** The first thing wrong with the title, attendance, interval or equipment list of a booking input; null when none is. */
export function bookingInputProblem(input: BookingInputFacts, argument = "input"): Problem | null {
  const title = input.title.trim();
  if (!title || title.length > MAX_TITLE) return bad(`${argument}.title`, `give a title of 1 to ${MAX_TITLE} characters.`);
  if (!Number.isInteger(input.expectedAttendance) || input.expectedAttendance < 1 || input.expectedAttendance > MAX_ATTENDANCE) {
    return bad(`${argument}.expectedAttendance`, `${input.expectedAttendance} is out of range; expect 1 to ${MAX_ATTENDANCE} people.`);
  }
  const minutes = (input.endsAt.getTime() - input.startsAt.getTime()) / MINUTE_MS;
  if (minutes <= 0) return bad(`${argument}.endsAt`, "a booking ends after it starts; give endsAt later than startsAt.");
  if (minutes > MAX_SPAN_MINUTES) return bad(`${argument}.endsAt`, `a booking spans at most 24 h; this one spans ${Math.round(minutes / 60)} h.`);
  const equipment = input.equipment ?? [];
  if (equipment.length > 10) return bad(`${argument}.equipment`, "ask for at most 10 kinds of equipment.");
  for (const [i, line] of equipment.entries()) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 1000) return bad(`${argument}.equipment[${i}].quantity`, `${line.quantity} is out of range; ask for 1 to 1000.`);
    if (equipment.findIndex((other) => other.type === line.type) !== i) return bad(`${argument}.equipment[${i}].type`, `${line.type} is listed twice; list each type once.`);
  }
  return null;
}

/** The request a well-formed input asks for: the title trimmed, each equipment line as type and quantity, PRIVATE unless said. */
export function checkedBooking(input: BookingInputFacts, roomId: string, organizationId: string, academyId: string | null = null): CheckedBooking {
  return {
    roomId,
    organizationId,
    purpose: input.purpose,
    title: input.title.trim(),
    expectedAttendance: input.expectedAttendance,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    equipment: (input.equipment ?? []).map((line) => ({ type: line.type, quantity: line.quantity })),
    visibility: input.visibility ?? BookingVisibility.PRIVATE,
    academyId,
  };
}
