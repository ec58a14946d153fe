/**
 * How much of each thing a scale makes (DOMAIN §11; at scale 1 the activity count is issue 12's 100,000, not §11's
 * 250,000). Every count scales linearly and never drops below what keeps the dataset connected.
 */
export interface Volumes {
  streets: number;
  communities: number;
  organizations: number;
  activities: number;
  bookings: number;
  offerings: number;
  applications: number;
}

const AT_SCALE_1: Volumes = {
  streets: 60,
  communities: 520,
  organizations: 10_000,
  activities: 100_000,
  bookings: 100_000,
  offerings: 1_100, // ≈ 20,000 enrollments at ≈ 18 per offering (some have not opened yet)
  applications: 2_000,
};

const FLOOR: Volumes = { streets: 1, communities: 2, organizations: 20, activities: 50, bookings: 50, offerings: 3, applications: 5 };

export function volumesAt(scale: number): Volumes {
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1]; got ${scale}`);
  const out = {} as Volumes;
  for (const key of Object.keys(AT_SCALE_1) as (keyof Volumes)[]) out[key] = Math.max(FLOOR[key], Math.round(AT_SCALE_1[key] * scale));
  return out;
}

/** A readable synthetic id: the kit's prefix, `s` and a zero-padded number (`org_s000123`). */
export function sid(prefix: string, n: number, width = 6): string {
  return `${prefix}_s${String(n).padStart(width, "0")}`;
}
