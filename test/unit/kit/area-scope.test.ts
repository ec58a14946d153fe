import { ANONYMOUS_CLAIMS, Claims, toViewer } from "@platform/identity";
import { staffAreaPrefixes, staffCoverArea } from "@kit/area-scope";

const viewer = (claims: Partial<Claims>) => toViewer({ ...ANONYMOUS_CLAIMS, personId: "per_t", ...claims });

describe("street/community staff scope on area codes (funding holds no area tree)", () => {
  test.each([
    ["street staff, their street's community", ["STREET_STAFF"], ["340111X01"], "340111X01C01", true],
    ["city-level code 340100 covers a district's community", ["STREET_STAFF"], ["340100"], "340111X01C01", true],
    ["community staff, a neighbouring community", ["COMMUNITY_STAFF"], ["340111X01C01"], "340111X01C02", false],
    ["another street", ["STREET_STAFF"], ["340104Z01"], "340111X01C01", false],
    ["no target area is in no scope", ["STREET_STAFF"], ["340111X01"], null, false],
    ["an empty claim widens nothing", ["STREET_STAFF"], [""], "340111X01C01", false],
    ["a LIKE wildcard claim widens nothing", ["STREET_STAFF"], ["%", "3401_"], "340111X01C01", false],
    ["area codes of a non-staff role count for nothing", ["ORG_LEADER"], ["340111X01"], "340111X01C01", false],
  ] as const)("%s", (_case, roles, areaCodes, target, covered) => {
    expect(staffCoverArea(viewer({ roles: [...roles], areaCodes: [...areaCodes] }), target)).toBe(covered);
  });

  test("prefixes drop the 00 padding of six-digit codes and repeat nothing", () => {
    expect(staffAreaPrefixes(viewer({ roles: ["STREET_STAFF"], areaCodes: ["340100", "340111", "340111", "340111X01"] }))).toEqual(["3401", "340111", "340111X01"]);
  });
});
