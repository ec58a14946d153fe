
// The synthetic year around the demo's today (2022-03-12 09:00 Asia/Shanghai, DOMAIN §10): bookings run over twelve
// months around it so "next Tuesday" finds data; service records are history, so they end the day before today.
export const TODAY = "2022-03-12";
export const NOW = new Date("2022-03-12T09:00:00+08:00");
export const BOOKINGS_FROM = "2021-09-01";
export const BOOKINGS_TO = "2022-08-31";
export const ACTIVITIES_FROM = "2021-03-12";
export const ACTIVITIES_TO = "2022-03-11";

// The statutory holidays and makeup workdays come from venues' own table (the demo's calendar uses it too)
export { statutoryDays } from "../../subgraphs/venues/facilities";

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
