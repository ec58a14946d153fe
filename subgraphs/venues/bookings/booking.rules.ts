import { DayHours, PolicyFacts } from "../facilities";
import { bookingWindowConflicts } from "./booking-window.rules";
import { capacityConflicts } from "./capacity.rules";
import { BookingFacts, BookingRequest, Conflict } from "./conflict.rules";
import { durationConflicts } from "./duration.rules";
import { eligibilityConflicts, EligibilityFacts } from "./eligibility.rules";
import { allocateEquipment, EquipmentItem, EquipmentLineFacts } from "./equipment.rules";
import { openingHoursConflicts } from "./opening-hours.rules";
import { overlapConflicts } from "./overlap.rules";
import { quotaConflicts } from "./quota.rules";

/** Everything rules C1–C8 look at for one request, read inside the booking's transaction. */
export interface RuleFacts {
  request: BookingRequest;
  room: { id: string; name: string; capacity: number };
  /** The facility's policy for this purpose and room (overrides applied). */
  policy: PolicyFacts;
  /** Opening hours of the business day the booking starts. */
  hours: DayHours;
  /** The facility's bookings around the request, effective statuses (C1 on this room, C6 across rooms). */
  facilityBookings: BookingFacts[];
  equipment: EquipmentItem[];
  organization: EligibilityFacts | null;
  /** An INFORMAL team's booking made by a sponsoring community worker. */
  sponsored: boolean;
  /** The organization's bookings at this facility in the booking's month and later, effective statuses (C8). */
  organizationBookings: BookingFacts[];
  now: Date;
}

/** Runs C1–C8 on a request: every broken rule, in rule order, and the equipment it would reserve. */
export function checkBookingRules(facts: RuleFacts): { conflicts: Conflict[]; equipmentLines: EquipmentLineFacts[] } {
  const { request, policy, now } = facts;
  const equipment = allocateEquipment(request, facts.equipment, facts.facilityBookings);
  const conflicts = [
    ...overlapConflicts(request, facts.facilityBookings, policy.bufferMinutes),
    ...openingHoursConflicts(request, facts.hours),
    ...bookingWindowConflicts(request, policy, now),
    ...durationConflicts(request, policy),
    ...capacityConflicts(request.expectedAttendance, facts.room),
    ...equipment.conflicts,
    ...eligibilityConflicts(facts.organization, policy, facts.sponsored),
    ...quotaConflicts(request, facts.organizationBookings, policy, now),
  ];
  return { conflicts, equipmentLines: equipment.lines };
}
