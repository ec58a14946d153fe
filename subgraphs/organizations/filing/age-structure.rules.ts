import { AgeBand, ageBandOf } from "../directory";

/** Cells below this are not shown (DOMAIN §9.2 Agg, §9.3 birthYear): no small group's ages can be read off. */
export const MIN_CELL = 5;

/** An organization's age structure as the API shows it (DOMAIN §3.2). */
export interface AgeStructureValue {
  bands: { band: AgeBand; count: number | null }[];
  averageAge: number | null;
  share60Plus: number | null;
  suppressed: boolean;
}

const BANDS = Object.values(AgeBand);
const SIXTY_PLUS = new Set([AgeBand.FROM_60_TO_69, AgeBand.FROM_70_TO_79, AgeBand.FROM_80]);

/**
 * Bands of the active members' birth years in `year`. Fewer than 5 members suppresses everything; a band under 5
 * shows no count; the average and the 60+ share need at least 5 known birth years.
 */
export function ageStructure(birthYears: readonly (number | null)[], year: number): AgeStructureValue {
  if (birthYears.length < MIN_CELL) {
    return { bands: BANDS.map((band) => ({ band, count: null })), averageAge: null, share60Plus: null, suppressed: true };
  }
  const counts = new Map<AgeBand, number>(BANDS.map((band) => [band, 0]));
  for (const birthYear of birthYears) {
    const band = ageBandOf(birthYear, year);
    counts.set(band, counts.get(band)! + 1);
  }
  const known = birthYears.filter((y): y is number => y !== null);
  const enoughKnown = known.length >= MIN_CELL;
  const sixtyPlus = BANDS.filter((band) => SIXTY_PLUS.has(band)).reduce((sum, band) => sum + counts.get(band)!, 0);
  return {
    bands: BANDS.map((band) => ({ band, count: counts.get(band)! >= MIN_CELL ? counts.get(band)! : null })),
    averageAge: enoughKnown ? Math.round(known.reduce((sum, y) => sum + (year - y), 0) / known.length) : null,
    share60Plus: enoughKnown ? Math.round((sixtyPlus / known.length) * 1000) / 1000 : null,
    suppressed: false,
  };
}
