import { freeSlots } from "@subgraphs/venues/availability/free-slots.rules";
import { nearPrefix } from "@subgraphs/venues/availability/near.rules";
import { needsApproval, onNoShowProbation } from "@subgraphs/venues/bookings/approval.machine";
import { BookingStatus } from "@subgraphs/venues/bookings/booking.enums";
import {
  allowedActions,
  effectiveStatus,
  isLateCancellation,
  nextStatus,
  storedStatusesFor,
  timingProblem,
} from "@subgraphs/venues/bookings/booking.machine";
import { DEFAULT_POLICY, effectivePolicy } from "@subgraphs/venues/facilities/booking-policy.rules";
import { openingHoursOn } from "@subgraphs/venues/facilities/calendar.rules";
import { BookingPurpose, Weekday } from "@subgraphs/venues/facilities/facility.enums";
import { merge, subtract } from "@subgraphs/venues/facilities/interval.rules";
import { bookingStats } from "@subgraphs/venues/stats/booking-stats.rules";

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const hhmm = (slots: { start: number; end: number }[]) =>
  slots.map((s) => `${new Date(s.start + 8 * 3600_000).toISOString().slice(11, 16)}–${new Date(s.end + 8 * 3600_000).toISOString().slice(11, 16)}`);

describe("§8.3 booking states", () => {
  test("transitions allowed from each state", () => {
    expect(nextStatus(BookingStatus.HELD, "CONFIRM")).toBe(BookingStatus.CONFIRMED);
    expect(nextStatus(BookingStatus.PENDING_APPROVAL, "APPROVE")).toBe(BookingStatus.CONFIRMED);
    expect(nextStatus(BookingStatus.PENDING_APPROVAL, "REJECT")).toBe(BookingStatus.REJECTED);
    expect(nextStatus(BookingStatus.CONFIRMED, "CHECK_IN")).toBe(BookingStatus.CHECKED_IN);
    expect(nextStatus(BookingStatus.CONFIRMED, "NO_SHOW")).toBe(BookingStatus.NO_SHOW);
    expect(nextStatus(BookingStatus.CONFIRMED, "BUMP")).toBe(BookingStatus.BUMPED);
    expect(nextStatus(BookingStatus.HELD, "RELEASE")).toBe(BookingStatus.CANCELLED);
    for (const from of [BookingStatus.HELD, BookingStatus.PENDING_APPROVAL, BookingStatus.CONFIRMED]) expect(nextStatus(from, "CANCEL")).toBe(BookingStatus.CANCELLED);
    expect(nextStatus(BookingStatus.CHECKED_IN, "CANCEL")).toBeNull();
    expect(nextStatus(BookingStatus.PENDING_APPROVAL, "BUMP")).toBeNull();
    expect(allowedActions(BookingStatus.CANCELLED)).toEqual([]);
    expect(allowedActions(BookingStatus.CONFIRMED)).toEqual(["CANCEL", "CHECK_IN", "NO_SHOW", "BUMP"]);
  });

  test("the clock lapses holds to EXPIRED and checked-in bookings to COMPLETED, but never infers a no-show", () => {
    const booking = { startsAt: at("2022-03-15", "09:00"), endsAt: at("2022-03-15", "11:00"), holdExpiresAt: at("2022-03-12", "09:30") };
    expect(effectiveStatus({ ...booking, status: BookingStatus.HELD }, at("2022-03-12", "09:29"))).toBe(BookingStatus.HELD);
    expect(effectiveStatus({ ...booking, status: BookingStatus.HELD }, at("2022-03-12", "09:30"))).toBe(BookingStatus.EXPIRED);
    expect(effectiveStatus({ ...booking, status: BookingStatus.CHECKED_IN }, at("2022-03-15", "11:00"))).toBe(BookingStatus.COMPLETED);
    expect(effectiveStatus({ ...booking, status: BookingStatus.CONFIRMED }, at("2022-03-16", "09:00"))).toBe(BookingStatus.CONFIRMED);
    expect(storedStatusesFor([BookingStatus.EXPIRED, BookingStatus.CONFIRMED])).toEqual([BookingStatus.CONFIRMED, BookingStatus.EXPIRED, BookingStatus.HELD]);
  });

  test("three no-shows within 90 days put an organization on approval for 60 days", () => {
    const three = [at("2022-01-05", "09:00"), at("2022-02-01", "09:00"), at("2022-03-01", "09:00")];
    expect(onNoShowProbation(three, at("2022-03-12", "09:00"))).toBe(true);
    expect(onNoShowProbation(three, at("2022-05-01", "09:00"))).toBe(false);
    expect(onNoShowProbation(three.slice(1), at("2022-03-12", "09:00"))).toBe(false);
    expect(onNoShowProbation([at("2021-10-01", "09:00"), ...three.slice(1)], at("2022-03-12", "09:00"))).toBe(false);
    expect(needsApproval({ requiresApproval: false, approvalAboveAttendance: 50 }, 45, false)).toBe(false);
    expect(needsApproval({ requiresApproval: false, approvalAboveAttendance: 50 }, 55, false)).toBe(true);
    expect(needsApproval({ requiresApproval: false, approvalAboveAttendance: null }, 45, true)).toBe(true);
  });
});

test("a purpose override applies only to its purpose and rooms", () => {
  const policy = { ...DEFAULT_POLICY, purposeOverrides: [{ purpose: BookingPurpose.COURSE_SESSION, roomIds: ["room_cq_sws_training"], maxAdvanceDays: 60 }] };
  expect(effectivePolicy(policy, BookingPurpose.COURSE_SESSION, "room_cq_sws_training").maxAdvanceDays).toBe(60);
  expect(effectivePolicy(policy, BookingPurpose.COURSE_SESSION, "room_cq_sws_supervision").maxAdvanceDays).toBe(3);
  expect(effectivePolicy(policy, BookingPurpose.ACTIVITY, "room_cq_sws_training").maxAdvanceDays).toBe(3);
});

test("near an area is its parent's subtree", () => {
  expect(nearPrefix("340111X01C01")).toBe("340111X01");
  expect(nearPrefix("340104Z01C01P01")).toBe("340104Z01C01");
  expect(nearPrefix("340111X01")).toBe("340111");
  expect(nearPrefix("340111")).toBe("3401");
  expect(nearPrefix("340111001001")).toBe("340111001");
});

test("interval arithmetic", () => {
  expect(merge([{ start: 5, end: 8 }, { start: 1, end: 3 }, { start: 3, end: 4 }])).toEqual([{ start: 1, end: 4 }, { start: 5, end: 8 }]);
  expect(subtract([{ start: 0, end: 10 }], [{ start: 2, end: 3 }, { start: 8, end: 12 }])).toEqual([{ start: 0, end: 2 }, { start: 3, end: 8 }]);
});

describe("free slots (C1–C4, C6)", () => {
  const hours = openingHoursOn("2022-03-15", [
    { days: [Weekday.TUE], opens: "08:30", closes: "12:00" },
    { days: [Weekday.TUE], opens: "13:30", closes: "17:30" },
  ], []);
  const base = {
    hours,
    window: { from: 8 * 60 + 30, to: 12 * 60 },
    taken: [],
    bufferMinutes: 15,
    equipmentBusy: [],
    earliestStart: at("2022-03-12", "11:00"),
    lastDay: "2022-03-15",
    slotMinutes: 30,
    maxDurationMinutes: 240,
    minDurationMinutes: 120,
  };
  const booked = (from: string, to: string) => ({ start: at("2022-03-15", from).getTime(), end: at("2022-03-15", to).getTime() });

  test("an empty morning is one slot; a booking and its turnaround cut it on the slot grid", () => {
    expect(hhmm(freeSlots(base))).toEqual(["08:30–12:00"]);
    expect(hhmm(freeSlots({ ...base, taken: [booked("09:00", "10:00")], minDurationMinutes: 30 }))).toEqual(["10:30–12:00"]);
    expect(hhmm(freeSlots({ ...base, taken: [booked("10:00", "11:00")], minDurationMinutes: 60 }))).toEqual(["08:30–09:30"]);
    expect(freeSlots({ ...base, taken: [booked("10:00", "11:00")] })).toEqual([]);
  });

  test("a window across lunch gives two slots; lead time, horizon and lent-out equipment remove time", () => {
    expect(hhmm(freeSlots({ ...base, window: { from: 0, to: 24 * 60 }, minDurationMinutes: 60 }))).toEqual(["08:30–12:00", "13:30–17:30"]);
    expect(hhmm(freeSlots({ ...base, earliestStart: at("2022-03-15", "09:10"), minDurationMinutes: 60 }))).toEqual(["09:30–12:00"]);
    expect(freeSlots({ ...base, lastDay: "2022-03-14" })).toEqual([]);
    expect(hhmm(freeSlots({ ...base, equipmentBusy: [booked("08:00", "10:00")] }))).toEqual(["10:00–12:00"]);
    expect(freeSlots({ ...base, maxDurationMinutes: 60 })).toEqual([]);
  });
});

test("stats count what took place, no-shows apart, and utilization over open minutes", () => {
  const b = (status: BookingStatus, from: string, to: string) => ({ status, startsAt: at("2021-06-01", from), endsAt: at("2021-06-01", to) });
  expect(bookingStats([b(BookingStatus.COMPLETED, "09:00", "11:00"), b(BookingStatus.NO_SHOW, "14:00", "15:00"), b(BookingStatus.CANCELLED, "09:00", "10:00")], 1200)).toEqual({
    bookings: 2,
    bookedMinutes: 120,
    utilization: 0.1,
    noShows: 1,
  });
  expect(bookingStats([], 0).utilization).toBe(0);
});

test("check-in and no-show windows, and late cancellations", () => {
  const booking = { startsAt: at("2022-03-15", "09:00"), endsAt: at("2022-03-15", "11:00") };
  expect(timingProblem("CHECK_IN", booking, at("2022-03-15", "08:29"))?.message).toMatch(/from 08:30/);
  expect(timingProblem("CHECK_IN", booking, at("2022-03-15", "08:30"))).toBeNull();
  expect(timingProblem("CHECK_IN", booking, at("2022-03-15", "11:00"))?.message).toMatch(/until the end at 11:00/);
  expect(timingProblem("NO_SHOW", booking, at("2022-03-15", "09:29"))?.message).toMatch(/from 09:30/);
  expect(timingProblem("NO_SHOW", booking, at("2022-03-15", "09:30"))).toBeNull();
  expect(timingProblem("CANCEL", booking, at("2022-03-15", "10:00"))).toBeNull();
  expect(isLateCancellation({ ...booking, status: BookingStatus.CONFIRMED }, 24, at("2022-03-14", "09:00"))).toBe(false);
  expect(isLateCancellation({ ...booking, status: BookingStatus.CONFIRMED }, 24, at("2022-03-14", "09:01"))).toBe(true);
  expect(isLateCancellation({ ...booking, status: BookingStatus.HELD }, 24, at("2022-03-15", "08:00"))).toBe(false);
});
