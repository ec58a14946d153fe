import type { Weekday } from "./operations.generated";
import { WEEKDAY, WEEKDAYS_FROM_SUNDAY } from "./labels";

// The hub's business calendar is Asia/Shanghai (UTC+8, no DST): the page shows its wall clock wherever it runs.
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** Minutes since midnight, Asia/Shanghai, of an ISO instant. */
export function minutesOfDay(iso: string): number {
  const shifted = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MINUTES * 60_000);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

/** Minutes since midnight of a wall-clock "HH:mm" (24:00 is the end of the day). */
export function minutesOfClock(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number);
  return hours * 60 + minutes;
}

/** "09:30" for 570. */
export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The weekday of a calendar day YYYY-MM-DD. */
export function weekdayOf(day: string): Weekday {
  return WEEKDAYS_FROM_SUNDAY[new Date(`${day}T12:00:00Z`).getUTCDay()];
}

/** "周一至周五" for a run of days, "周六、周日" otherwise. */
export function daysText(days: Weekday[]): string {
  const order = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as Weekday[];
  const sorted = order.filter((d) => days.includes(d));
  const consecutive = sorted.length > 2 && order.indexOf(sorted[sorted.length - 1]) - order.indexOf(sorted[0]) === sorted.length - 1;
  return consecutive ? `${WEEKDAY[sorted[0]]}至${WEEKDAY[sorted[sorted.length - 1]]}` : sorted.map((d) => WEEKDAY[d]).join("、");
}

/** Whether a string is a real calendar day YYYY-MM-DD. */
export function isDay(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}
