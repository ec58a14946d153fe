import { AgeBand } from "./directory.enums";

/**
 * Masks a Chinese name for callers who may not see it (DOMAIN §9.3): 张某琴 → 张*琴, 刘明 → 刘*,
 * longer names keep the first and last character.
 */
export function maskName(fullName: string): string {
  const chars = Array.from(fullName.trim());
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** The age band of a birth year in a given calendar year (DOMAIN §3.2 bands). */
export function ageBandOf(birthYear: number | null, year: number): AgeBand {
  if (birthYear === null) return AgeBand.UNKNOWN;
  const age = year - birthYear;
  if (age < 40) return AgeBand.UNDER_40;
  if (age < 60) return AgeBand.FROM_40_TO_59;
  if (age < 70) return AgeBand.FROM_60_TO_69;
  if (age < 80) return AgeBand.FROM_70_TO_79;
  return AgeBand.FROM_80;
}
