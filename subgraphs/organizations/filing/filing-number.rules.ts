// Filing numbers (备案编号) are unique per authority and run per authority and year (DOMAIN §3.5):
// e.g. 常青街道 → CQ-BA-2022-0001. Prefixes of the demo authorities; others use their area code.
const AUTHORITY_PREFIXES: Readonly<Record<string, string>> = {
  "340111X01": "CQ",
  "340104Z01": "SJK",
};

/** The prefix of an authority's filing numbers. */
export function filingNoPrefix(authorityAreaCode: string): string {
  return AUTHORITY_PREFIXES[authorityAreaCode] ?? authorityAreaCode;
}

/** `CQ-BA-2022-0001`. */
export function formatFilingNo(prefix: string, year: number, sequence: number): string {
  return `${prefix}-BA-${year}-${String(sequence).padStart(4, "0")}`;
}

/** The next number of an authority in a year, given the numbers it already issued (any year). */
export function nextFilingNo(authorityAreaCode: string, year: number, issued: readonly (string | null)[]): string {
  const prefix = filingNoPrefix(authorityAreaCode);
  const head = `${prefix}-BA-${year}-`;
  let last = 0;
  for (const no of issued) {
    if (!no?.startsWith(head)) continue;
    const sequence = Number(no.slice(head.length));
    if (Number.isInteger(sequence) && sequence > last) last = sequence;
  }
  return formatFilingNo(prefix, year, last + 1);
}
