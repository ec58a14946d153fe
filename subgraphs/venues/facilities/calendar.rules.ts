import { startOfBusinessDay } from "../../kit/clock";
import { MINUTE_MS } from "../../kit/days";
import { ExceptionKind, Weekday } from "./facility.enums";
import { Interval } from "./interval.rules";
import { localTimeMinutes } from "./local-time.rules";

/** A weekly opening rule: on these weekdays the facility is open `[opens, closes)` (local wall-clock). */
export interface OpeningRuleFacts {
  days: Weekday[];
  opens: string;
  closes: string;
}

/** A date-specific departure from the weekly rules; `facilityId` null is the statutory calendar of every facility. */
export interface ExceptionFacts {
  facilityId: string | null;
  date: string;
  kind: ExceptionKind;
  opens: string | null;
  closes: string | null;
  note: string | null;
}

/** A facility's hours on one business day: minutes after midnight, merged; `closedBy` says why it is shut. */
export interface DayHours {
  day: string;
  intervals: { from: number; to: number }[];
  closedBy: ExceptionFacts | null;
  weekday: Weekday;
}

const WEEKDAYS = [Weekday.SUN, Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI, Weekday.SAT];
const CLOSING_KINDS = new Set([ExceptionKind.HOLIDAY_CLOSED, ExceptionKind.MAINTENANCE, ExceptionKind.EMERGENCY]);

/** The weekday of a calendar day (`YYYY-MM-DD`). */
export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];
}

/** The exception that applies on `day`: the facility's own one wins over the statutory calendar. */
export function exceptionOn(day: string, exceptions: readonly ExceptionFacts[]): ExceptionFacts | null {
  const onDay = exceptions.filter((e) => e.date === day);
  return onDay.find((e) => e.facilityId !== null) ?? onDay[0] ?? null;
}

function window(opens: string | null, closes: string | null): { from: number; to: number }[] {
  const from = opens === null ? null : localTimeMinutes(opens);
  const to = closes === null ? null : localTimeMinutes(closes);
  return from !== null && to !== null && from < to ? [{ from, to }] : [];
}

function rulesFor(weekday: Weekday, rules: readonly OpeningRuleFacts[]): { from: number; to: number }[] {
  return rules.filter((r) => r.days.includes(weekday)).flatMap((r) => window(r.opens, r.closes));
}

function joined(parts: { from: number; to: number }[]): { from: number; to: number }[] {
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const part of sorted) {
    const last = out[out.length - 1];
    if (last && part.from <= last.to) last.to = Math.max(last.to, part.to);
    else out.push({ ...part });
  }
  return out;
}

/**
 * Opening hours of one day after calendar exceptions (C2): a holiday, maintenance or emergency closes the day;
 * special hours replace it; a makeup workday (调休上班) opens with its own hours or else Monday's rules.
 */
export function openingHoursOn(day: string, rules: readonly OpeningRuleFacts[], exceptions: readonly ExceptionFacts[]): DayHours {
  const weekday = weekdayOf(day);
  const exception = exceptionOn(day, exceptions);
  if (exception && CLOSING_KINDS.has(exception.kind)) return { day, weekday, intervals: [], closedBy: exception };
  if (exception?.kind === ExceptionKind.SPECIAL_HOURS) {
    const intervals = window(exception.opens, exception.closes);
    return { day, weekday, intervals, closedBy: intervals.length ? null : exception };
  }
  if (exception?.kind === ExceptionKind.MAKEUP_WORKDAY) {
    const own = window(exception.opens, exception.closes);
    return { day, weekday, intervals: own.length ? own : joined(rulesFor(Weekday.MON, rules)), closedBy: null };
  }
  return { day, weekday, intervals: joined(rulesFor(weekday, rules)), closedBy: null };
}

/** The day's opening hours as instants. */
export function openIntervals(hours: DayHours): Interval[] {
  const midnight = startOfBusinessDay(hours.day).getTime();
  return hours.intervals.map((i) => ({ start: midnight + i.from * MINUTE_MS, end: midnight + i.to * MINUTE_MS }));
}
