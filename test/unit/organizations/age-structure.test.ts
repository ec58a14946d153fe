import { ageStructure } from "@subgraphs/organizations/filing/age-structure.rules";
import { AgeBand } from "@subgraphs/organizations/directory/directory.enums";

const YEAR = 2022;
const born = (age: number, n: number) => Array.from({ length: n }, () => YEAR - age);

test("乐竹邻's 21 members (§10.2): bands under 5 are hidden, average and 60+ share shown", () => {
  const years = [...born(35, 1), ...born(50, 2), ...born(65, 12), ...born(75, 6)];
  const value = ageStructure(years, YEAR);
  expect(value.suppressed).toBe(false);
  expect(value.bands).toEqual([
    { band: AgeBand.UNDER_40, count: null },
    { band: AgeBand.FROM_40_TO_59, count: null },
    { band: AgeBand.FROM_60_TO_69, count: 12 },
    { band: AgeBand.FROM_70_TO_79, count: 6 },
    { band: AgeBand.FROM_80, count: null },
    { band: AgeBand.UNKNOWN, count: null },
  ]);
  expect(value.averageAge).toBe(Math.round((35 + 100 + 65 * 12 + 75 * 6) / 21));
  expect(value.share60Plus).toBe(0.857);
});

test("fewer than 5 members suppresses everything", () => {
  expect(ageStructure(born(65, 4), YEAR)).toEqual({
    bands: Object.values(AgeBand).map((band) => ({ band, count: null })),
    averageAge: null,
    share60Plus: null,
    suppressed: true,
  });
});

test("unknown birth years count in UNKNOWN and not in the average; under 5 known years shows no average", () => {
  const value = ageStructure([...born(82, 5), null, null, null, null, null], YEAR);
  expect(value.bands.find((b) => b.band === AgeBand.FROM_80)!.count).toBe(5);
  expect(value.bands.find((b) => b.band === AgeBand.UNKNOWN)!.count).toBe(5);
  expect(value.averageAge).toBe(82);
  expect(value.share60Plus).toBe(1);
  const fewKnown = ageStructure([...born(82, 4), null, null], YEAR);
  expect(fewKnown).toMatchObject({ suppressed: false, averageAge: null, share60Plus: null });
});
