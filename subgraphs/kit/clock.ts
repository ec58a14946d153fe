/** Business calendar of the hub (DOMAIN §0): rules run on Asia/Shanghai dates. */
export const BUSINESS_TIME_ZONE = "Asia/Shanghai";
const SHANGHAI_OFFSET_MINUTES = 8 * 60; // China has kept UTC+8 without DST since 1991

let pinned: Date | null = null;

/**
 * Pins the one clock every rule reads (`HUB_NOW`): tests and the embedded demo run at a fixed "today".
 * Pass null to follow the system clock again.
 */
export function pinClock(at: Date | null): void {
  pinned = at;
}

/** The hub's current instant: the pinned one if any, else the system clock. */
export function now(): Date {
  return pinned ? new Date(pinned.getTime()) : new Date();
}

/** Whether the clock is pinned (start-up says so). */
export function clockIsPinned(): boolean {
  return pinned !== null;
}

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of an instant. */
export function businessDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** ISO-8601 with the +08:00 offset of the business calendar, e.g. 2022-03-15T09:00:00.000+08:00. */
export function toBusinessIso(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().replace("Z", "+08:00");
}

/** The instant a business day starts (00:00 Asia/Shanghai) as a UTC Date. */
export function startOfBusinessDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}
