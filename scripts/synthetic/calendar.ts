import { addDays } from "../../subgraphs/kit/days";

// The synthetic year around the demo's today (2022-03-12 09:00 Asia/Shanghai, DOMAIN §10): bookings run over twelve
// months around it so "next Tuesday" finds data; service records are history, so they end the day before today.
export const TODAY = "2022-03-12";
export const NOW = new Date("2022-03-12T09:00:00+08:00");
export const BOOKINGS_FROM = "2021-09-01";
export const BOOKINGS_TO = "2022-08-31";
export const ACTIVITIES_FROM = "2021-03-12";
export const ACTIVITIES_TO = "2022-03-11";

// The State Council's statutory holidays and makeup workdays (调休上班) in that span [REC].
const HOLIDAYS: [from: string, to: string, note: string, makeup: string[]][] = [
  ["2021-04-03", "2021-04-05", "清明节", []],
  ["2021-05-01", "2021-05-05", "劳动节", ["2021-04-25", "2021-05-08"]],
  ["2021-06-12", "2021-06-14", "端午节", []],
  ["2021-09-19", "2021-09-21", "中秋节", ["2021-09-18"]],
  ["2021-10-01", "2021-10-07", "国庆节", ["2021-09-26", "2021-10-09"]],
  ["2022-01-01", "2022-01-03", "元旦", []],
  ["2022-01-31", "2022-02-06", "春节", ["2022-01-29", "2022-01-30"]],
  ["2022-04-03", "2022-04-05", "清明节", ["2022-04-02"]],
  ["2022-04-30", "2022-05-04", "劳动节", ["2022-04-24", "2022-05-07"]],
  ["2022-06-03", "2022-06-05", "端午节", []],
  ["2022-09-10", "2022-09-12", "中秋节", []],
  ["2022-10-01", "2022-10-07", "国庆节", ["2022-10-08", "2022-10-09"]],
];

export interface CalendarDay {
  date: string;
  kind: "HOLIDAY_CLOSED" | "MAKEUP_WORKDAY";
  note: string;
}

/** Every holiday and makeup workday of the table, one row per date. */
export function statutoryDays(): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const [from, to, note, makeup] of HOLIDAYS) {
    for (let day = from; day <= to; day = addDays(day, 1)) days.push({ date: day, kind: "HOLIDAY_CLOSED", note });
    for (const day of makeup) days.push({ date: day, kind: "MAKEUP_WORKDAY", note: `${note}调休上班` });
  }
  return days;
}

/** An instant from a business day and minutes after local midnight (Asia/Shanghai is UTC+8 all year). */
export function at(day: string, minutes: number): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000);
}

/** The business day (Asia/Shanghai) of an instant. */
export function dayOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `HH:MM` of minutes after midnight. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
