import { bookingWindowConflicts } from "@subgraphs/venues/bookings/booking-window.rules";
import { BookingStatus, ConflictReason } from "@subgraphs/venues/bookings/booking.enums";
import { capacityConflicts } from "@subgraphs/venues/bookings/capacity.rules";
import { BookingFacts } from "@subgraphs/venues/bookings/conflict.rules";
import { durationConflicts } from "@subgraphs/venues/bookings/duration.rules";
import { eligibilityConflicts } from "@subgraphs/venues/bookings/eligibility.rules";
import { allocateEquipment, equipmentBusyIntervals, EquipmentItem } from "@subgraphs/venues/bookings/equipment.rules";
import { openingHoursConflicts } from "@subgraphs/venues/bookings/opening-hours.rules";
import { overlapConflicts } from "@subgraphs/venues/bookings/overlap.rules";
import { quotaConflicts } from "@subgraphs/venues/bookings/quota.rules";
import { DEFAULT_POLICY, PolicyFacts } from "@subgraphs/venues/facilities/booking-policy.rules";
import { openingHoursOn, OpeningRuleFacts } from "@subgraphs/venues/facilities/calendar.rules";
import { EquipmentType, ExceptionKind, Weekday } from "@subgraphs/venues/facilities/facility.enums";

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const NOW = at("2022-03-12", "09:00");
const POLICY: PolicyFacts = { ...DEFAULT_POLICY, perOrgMaxActiveBookings: 3 };
const WEEKDAYS = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI];
const CENTRE: OpeningRuleFacts[] = [
  { days: WEEKDAYS, opens: "08:30", closes: "12:00" },
  { days: WEEKDAYS, opens: "13:30", closes: "17:30" },
];
const span = (day: string, from: string, to: string) => ({ roomId: "room_a", startsAt: at(day, from), endsAt: at(day, to) });
const existing = (id: string, day: string, from: string, to: string, changes: Partial<BookingFacts> = {}): BookingFacts => ({
  id,
  roomId: "room_a",
  organizationId: "org_a",
  startsAt: at(day, from),
  endsAt: at(day, to),
  status: BookingStatus.CONFIRMED,
  lateCancellation: false,
  equipmentLines: [],
  ...changes,
});
const reasonsOf = (conflicts: { reason: ConflictReason }[]) => conflicts.map((c) => c.reason);

describe("C1 no overlap", () => {
  const booked = [existing("b1", "2022-03-15", "09:00", "11:00")];

  test("an overlapping or back-to-back booking clashes (15 min turnaround); 30 min later is fine", () => {
    expect(overlapConflicts(span("2022-03-15", "10:00", "12:00"), booked, 15)).toMatchObject([{ reason: ConflictReason.OVERLAP, startsAt: at("2022-03-15", "09:00"), endsAt: at("2022-03-15", "11:00") }]);
    expect(reasonsOf(overlapConflicts(span("2022-03-15", "11:00", "12:00"), booked, 15))).toEqual([ConflictReason.OVERLAP]);
    expect(reasonsOf(overlapConflicts(span("2022-03-15", "08:00", "08:45"), booked, 15))).toEqual([]);
    expect(overlapConflicts(span("2022-03-15", "11:30", "12:00"), booked, 15)).toEqual([]);
    expect(overlapConflicts(span("2022-03-15", "11:00", "12:00"), booked, 0)).toEqual([]);
  });

  test("only blocking states block, and only in the same room", () => {
    const others = [
      existing("c", "2022-03-15", "09:00", "11:00", { status: BookingStatus.CANCELLED }),
      existing("e", "2022-03-15", "09:00", "11:00", { status: BookingStatus.EXPIRED }),
      existing("r", "2022-03-15", "09:00", "11:00", { status: BookingStatus.REJECTED }),
      existing("x", "2022-03-15", "09:00", "11:00", { roomId: "room_b" }),
    ];
    expect(overlapConflicts(span("2022-03-15", "09:00", "11:00"), others, 15)).toEqual([]);
    for (const status of [BookingStatus.HELD, BookingStatus.PENDING_APPROVAL, BookingStatus.CHECKED_IN]) {
      expect(reasonsOf(overlapConflicts(span("2022-03-15", "09:00", "11:00"), [existing("h", "2022-03-15", "10:00", "10:30", { status })], 15))).toEqual([ConflictReason.OVERLAP]);
    }
  });
});

describe("C2 opening hours", () => {
  const tuesday = openingHoursOn("2022-03-15", CENTRE, []);

  test("inside a morning is fine; before opening or past closing is OUTSIDE_OPENING_HOURS", () => {
    expect(openingHoursConflicts(span("2022-03-15", "09:00", "11:00"), tuesday)).toEqual([]);
    expect(openingHoursConflicts(span("2022-03-15", "07:30", "09:00"), tuesday)).toMatchObject([{ reason: ConflictReason.OUTSIDE_OPENING_HOURS, message: expect.stringContaining("08:30–12:00, 13:30–17:30") }]);
    expect(reasonsOf(openingHoursConflicts(span("2022-03-15", "17:00", "18:00"), tuesday))).toEqual([ConflictReason.OUTSIDE_OPENING_HOURS]);
  });

  test("a booking across the lunch closure names the closure", () => {
    expect(openingHoursConflicts(span("2022-03-15", "11:00", "14:00"), tuesday)).toMatchObject([{ reason: ConflictReason.OUTSIDE_OPENING_HOURS, message: expect.stringContaining("closure 12:00–13:30") }]);
  });

  test("a holiday or a day without hours is CLOSED_DAY over the whole day", () => {
    const holiday = openingHoursOn("2022-04-04", CENTRE, [{ facilityId: null, date: "2022-04-04", kind: ExceptionKind.HOLIDAY_CLOSED, opens: null, closes: null, note: "清明节" }]);
    expect(openingHoursConflicts(span("2022-04-04", "09:00", "10:00"), holiday)).toEqual([
      { reason: ConflictReason.CLOSED_DAY, startsAt: at("2022-04-04", "00:00"), endsAt: at("2022-04-05", "00:00"), message: expect.stringContaining("清明节") },
    ]);
    expect(reasonsOf(openingHoursConflicts(span("2022-03-13", "09:00", "10:00"), openingHoursOn("2022-03-13", CENTRE, [])))).toEqual([ConflictReason.CLOSED_DAY]);
  });
});

describe("C3 booking window", () => {
  test("at least minLeadHours ahead and at most maxAdvanceDays days ahead", () => {
    expect(bookingWindowConflicts(span("2022-03-15", "09:00", "11:00"), POLICY, NOW)).toEqual([]);
    expect(reasonsOf(bookingWindowConflicts(span("2022-03-12", "10:00", "11:00"), POLICY, NOW))).toEqual([ConflictReason.LEAD_TIME]);
    expect(bookingWindowConflicts(span("2022-03-12", "11:00", "11:30"), POLICY, NOW)).toEqual([]);
    expect(bookingWindowConflicts(span("2022-03-16", "09:00", "10:00"), POLICY, NOW)).toMatchObject([{ reason: ConflictReason.ADVANCE_WINDOW, message: expect.stringContaining("2022-03-15") }]);
    expect(reasonsOf(bookingWindowConflicts(span("2022-03-10", "09:00", "10:00"), POLICY, NOW))).toEqual([ConflictReason.LEAD_TIME]);
  });
});

describe("C4 duration", () => {
  test("at most maxDurationMinutes, on the slot grid", () => {
    expect(durationConflicts(span("2022-03-15", "09:00", "13:00"), POLICY)).toEqual([]);
    expect(durationConflicts(span("2022-03-15", "09:00", "13:30"), POLICY)).toMatchObject([{ reason: ConflictReason.DURATION, message: expect.stringContaining("240") }]);
    expect(reasonsOf(durationConflicts(span("2022-03-15", "09:10", "10:10"), POLICY))).toEqual([ConflictReason.DURATION]);
  });

  test("never longer than a day, whatever the policy allows (the overlap queries rely on it)", () => {
    const generous = { ...POLICY, maxDurationMinutes: 3 * 24 * 60 };
    const overnight = { startsAt: at("2022-03-15", "09:00"), endsAt: at("2022-03-16", "09:00") };
    expect(durationConflicts(overnight, generous)).toEqual([]);
    const longer = { startsAt: at("2022-03-15", "09:00"), endsAt: at("2022-03-16", "09:30") };
    expect(durationConflicts(longer, generous)).toMatchObject([{ reason: ConflictReason.DURATION, message: expect.stringContaining("at most 1440 min") }]);
  });
});

describe("C5 capacity", () => {
  test("expected attendance within the room's capacity", () => {
    expect(capacityConflicts(60, { name: "多功能厅", capacity: 60 })).toEqual([]);
    expect(capacityConflicts(61, { name: "多功能厅", capacity: 60 })).toMatchObject([{ reason: ConflictReason.CAPACITY, startsAt: null, message: expect.stringContaining("60") }]);
  });
});

describe("C6 equipment", () => {
  const items: EquipmentItem[] = [
    { id: "eqp_hall_sound", type: EquipmentType.SOUND_SYSTEM, quantity: 1, movable: false, roomId: "room_a" },
    { id: "eqp_chairs", type: EquipmentType.CHAIRS, quantity: 40, movable: true, roomId: null },
    { id: "eqp_kit", type: EquipmentType.HAIRDRESSING_KIT, quantity: 1, movable: true, roomId: null },
  ];
  const request = (roomId: string, equipment: { type: EquipmentType; quantity: number }[]) => ({ ...span("2022-03-15", "09:00", "11:00"), roomId, equipment });

  test("installed equipment serves its own room only; movable stock serves every room", () => {
    expect(allocateEquipment(request("room_a", [{ type: EquipmentType.SOUND_SYSTEM, quantity: 1 }]), items, [])).toEqual({ lines: [{ equipmentId: "eqp_hall_sound", quantity: 1 }], conflicts: [] });
    expect(reasonsOf(allocateEquipment(request("room_b", [{ type: EquipmentType.SOUND_SYSTEM, quantity: 1 }]), items, []).conflicts)).toEqual([ConflictReason.EQUIPMENT_UNAVAILABLE]);
    expect(allocateEquipment(request("room_b", [{ type: EquipmentType.CHAIRS, quantity: 30 }]), items, []).lines).toEqual([{ equipmentId: "eqp_chairs", quantity: 30 }]);
  });

  test("more than the stock, or more than overlapping bookings leave, is EQUIPMENT_UNAVAILABLE with the clash", () => {
    expect(allocateEquipment(request("room_a", [{ type: EquipmentType.HAIRDRESSING_KIT, quantity: 2 }]), items, []).conflicts).toMatchObject([{ message: expect.stringContaining("Only 1 of the 2") }]);
    const lent = [existing("b1", "2022-03-15", "10:00", "12:00", { roomId: "room_b", equipmentLines: [{ equipmentId: "eqp_chairs", quantity: 30 }] })];
    expect(allocateEquipment(request("room_a", [{ type: EquipmentType.CHAIRS, quantity: 10 }]), items, lent).conflicts).toEqual([]);
    expect(allocateEquipment(request("room_a", [{ type: EquipmentType.CHAIRS, quantity: 11 }]), items, lent).conflicts).toMatchObject([
      { reason: ConflictReason.EQUIPMENT_UNAVAILABLE, startsAt: at("2022-03-15", "10:00"), endsAt: at("2022-03-15", "12:00") },
    ]);
    const later = [existing("b2", "2022-03-15", "11:00", "12:00", { roomId: "room_b", equipmentLines: [{ equipmentId: "eqp_chairs", quantity: 40 }] })];
    expect(allocateEquipment(request("room_a", [{ type: EquipmentType.CHAIRS, quantity: 40 }]), items, later).conflicts).toEqual([]);
  });

  test("free-slot search: when every usable item is lent out elsewhere, and null where the room cannot have it", () => {
    const lent = [existing("b1", "2022-03-15", "10:00", "12:00", { roomId: "room_b", equipmentLines: [{ equipmentId: "eqp_kit", quantity: 1 }] })];
    expect(equipmentBusyIntervals(EquipmentType.HAIRDRESSING_KIT, items, "room_a", lent)).toEqual([{ start: at("2022-03-15", "10:00").getTime(), end: at("2022-03-15", "12:00").getTime() }]);
    expect(equipmentBusyIntervals(EquipmentType.CHAIRS, items, "room_a", lent)).toEqual([]);
    expect(equipmentBusyIntervals(EquipmentType.PROJECTOR, items, "room_a", lent)).toBeNull();
  });
});

describe("C7 eligibility", () => {
  test("active organizations of an admitted legal form; informal teams only with a sponsor", () => {
    expect(eligibilityConflicts({ legalForm: "FILED", status: "ACTIVE" }, POLICY, false)).toEqual([]);
    expect(eligibilityConflicts({ legalForm: "SOCIAL_GROUP", status: "PREPARING" }, POLICY, false)).toMatchObject([{ reason: ConflictReason.NOT_ELIGIBLE, message: expect.stringContaining("PREPARING") }]);
    expect(eligibilityConflicts({ legalForm: "INFORMAL", status: "ACTIVE" }, POLICY, false)).toMatchObject([{ reason: ConflictReason.NOT_ELIGIBLE, message: expect.stringContaining("sponsoring") }]);
    expect(eligibilityConflicts({ legalForm: "INFORMAL", status: "ACTIVE" }, POLICY, true)).toEqual([]);
    expect(reasonsOf(eligibilityConflicts({ legalForm: "FILED", status: "ACTIVE" }, { eligibleLegalForms: ["SOCIAL_GROUP"] }, false))).toEqual([ConflictReason.NOT_ELIGIBLE]);
    expect(reasonsOf(eligibilityConflicts(null, POLICY, false))).toEqual([ConflictReason.NOT_ELIGIBLE]);
  });
});

describe("C8 quota", () => {
  const march = (n: number, changes: Partial<BookingFacts> = {}) =>
    Array.from({ length: n }, (_, i) => existing(`m${i}`, `2022-03-0${(i % 9) + 1}`, "08:30", "12:00", { status: BookingStatus.COMPLETED, ...changes }));

  test("monthly minutes: used ones, late cancellations and the request stay within the cap", () => {
    const used = [...march(5), existing("x", "2022-03-10", "14:00", "15:30", { status: BookingStatus.COMPLETED })]; // 17.5 h + 1.5 h = 19 h
    expect(quotaConflicts(span("2022-03-15", "09:00", "10:00"), used, POLICY, NOW)).toEqual([]);
    expect(quotaConflicts(span("2022-03-15", "09:00", "10:30"), used, POLICY, NOW)).toMatchObject([
      { reason: ConflictReason.QUOTA, startsAt: at("2022-03-01", "00:00"), endsAt: at("2022-04-01", "00:00"), message: expect.stringContaining("60 min are left") },
    ]);
    const lateCancel = [...used, existing("late", "2022-03-11", "09:00", "10:00", { status: BookingStatus.CANCELLED, lateCancellation: true })];
    expect(reasonsOf(quotaConflicts(span("2022-03-15", "09:00", "10:00"), lateCancel, POLICY, NOW))).toEqual([ConflictReason.QUOTA]);
    const earlyCancel = [...used, existing("early", "2022-03-11", "09:00", "10:00", { status: BookingStatus.CANCELLED })];
    expect(quotaConflicts(span("2022-03-15", "09:00", "10:00"), earlyCancel, POLICY, NOW)).toEqual([]);
    expect(quotaConflicts(span("2022-04-01", "09:00", "10:00"), lateCancel, POLICY, NOW)).toEqual([]);
  });

  test("at most perOrgMaxActiveBookings upcoming bookings", () => {
    const upcoming = [existing("u1", "2022-03-14", "08:30", "09:00"), existing("u2", "2022-03-15", "09:30", "10:00"), existing("u3", "2022-03-15", "10:30", "11:00")];
    expect(quotaConflicts(span("2022-03-15", "14:00", "15:00"), upcoming, POLICY, NOW)).toMatchObject([{ reason: ConflictReason.QUOTA, message: expect.stringContaining("has 3") }]);
    expect(quotaConflicts(span("2022-03-15", "14:00", "15:00"), upcoming.slice(1), POLICY, NOW)).toEqual([]);
  });
});
