// Calendar years and cycles for the rating rules (day steps are the kit's addDays): days are `YYYY-MM-DD` on the
// business calendar.

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number);
  return [y, m, d];
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The same calendar day `years` later (negative goes back); 29 February falls back to the 28th. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = parts(day);
  const lastOfMonth = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return format(new Date(Date.UTC(y + years, m - 1, Math.min(d, lastOfMonth))));
}

/**
 * §8.5: a FINAL rating holds until the end of the next cycle: the end of the cycle year plus the scheme's
 * validity in months (12: cycle 2022 → 2023-12-31).
 */
export function ratingValidUntil(cycle: number, validityMonths: number): string {
  return format(new Date(Date.UTC(cycle, 12 + validityMonths, 0)));
}
