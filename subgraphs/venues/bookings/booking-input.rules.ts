import { BadInputError } from "../../../platform/errors";
import { parseId } from "../../kit/ids";
import { MINUTE_MS } from "../facilities";
import { BookingVisibility } from "./booking.enums";
import { CreateBookingInput } from "./booking.input";
import { BookingRequest } from "./conflict.rules";

/** A booking request that passed input validation (malformed input is BAD_USER_INPUT, never a conflict). */
export interface CheckedBooking extends BookingRequest {
  title: string;
  visibility: BookingVisibility;
}

const MAX_TITLE = 100;
const MAX_ATTENDANCE = 10_000;
const MAX_SPAN_MINUTES = 24 * 60;

const bad = (argument: string, message: string) => new BadInputError(`${argument}: ${message}`, { argument });

/** Checks ids, title, attendance, the interval and the equipment list of a booking input. */
export function checkBookingInput(input: CreateBookingInput, argument = "input"): CheckedBooking {
  const roomId = parseId("Room", input.roomId, `${argument}.roomId`);
  const organizationId = parseId("Organization", input.organizationId, `${argument}.organizationId`);
  const title = input.title.trim();
  if (!title || title.length > MAX_TITLE) throw bad(`${argument}.title`, `give a title of 1 to ${MAX_TITLE} characters.`);
  if (!Number.isInteger(input.expectedAttendance) || input.expectedAttendance < 1 || input.expectedAttendance > MAX_ATTENDANCE) {
    throw bad(`${argument}.expectedAttendance`, `${input.expectedAttendance} is out of range; expect 1 to ${MAX_ATTENDANCE} people.`);
  }
  const minutes = (input.endsAt.getTime() - input.startsAt.getTime()) / MINUTE_MS;
  if (minutes <= 0) throw bad(`${argument}.endsAt`, "a booking ends after it starts; give endsAt later than startsAt.");
  if (minutes > MAX_SPAN_MINUTES) throw bad(`${argument}.endsAt`, `a booking spans at most 24 h; this one spans ${Math.round(minutes / 60)} h.`);
  const equipment = input.equipment ?? [];
  if (equipment.length > 10) throw bad(`${argument}.equipment`, "ask for at most 10 kinds of equipment.");
  equipment.forEach((line, i) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 1000) throw bad(`${argument}.equipment[${i}].quantity`, `${line.quantity} is out of range; ask for 1 to 1000.`);
    if (equipment.findIndex((other) => other.type === line.type) !== i) throw bad(`${argument}.equipment[${i}].type`, `${line.type} is listed twice; list each type once.`);
  });
  return {
    roomId,
    organizationId,
    purpose: input.purpose,
    title,
    expectedAttendance: input.expectedAttendance,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    equipment: equipment.map((line) => ({ type: line.type, quantity: line.quantity })),
    visibility: input.visibility ?? BookingVisibility.PRIVATE,
  };
}
