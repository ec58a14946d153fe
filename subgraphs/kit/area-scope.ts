import { Viewer } from "../../platform/identity";

// Street/community staff scope (DOMAIN §9.1) on area codes alone: street, community and compound codes extend their
// parent's code, so a subtree is a code prefix, and a subgraph that holds no area tree can still check a scope.

/** Only plain codes take part in scope checks: an empty or odd claim ("", "%", "3401_") never widens a scope. */
const AREA_CODE = /^[0-9A-Z]{2,20}$/;

/**
 * The code prefix shared by an area and everything under it. Street, community and compound codes extend
 * their parent's code, so they are their own prefix; a six-digit GB/T 2260 code pads its unused levels with
 * "00" (province 340000, city 340100), which are dropped so that 340100 合肥市 covers 340111 包河区.
 */
export function subtreePrefix(areaCode: string): string {
  if (areaCode.length !== 6) return areaCode;
  let prefix = areaCode;
  while (prefix.length > 2 && prefix.endsWith("00")) prefix = prefix.slice(0, -2);
  return prefix;
}

/** The distinct subtree prefixes of a scope's plain area codes. */
function scopePrefixes(scopeCodes: readonly string[]): string[] {
  return [...new Set(scopeCodes.filter((code) => AREA_CODE.test(code)).map(subtreePrefix))];
}

/** Whether one of a staff scope's area codes is this area or above it; an empty or odd code covers nothing (never a wildcard). */
export function areaInScope(scopeCodes: readonly string[], areaCode: string): boolean {
  return scopePrefixes(scopeCodes).some((prefix) => areaCode.startsWith(prefix));
}

/** The subtree prefixes of a street or community staff caller's area claims; empty for every other caller. */
export function staffAreaPrefixes(viewer: Viewer): string[] {
  if (!viewer.has("STREET_STAFF") && !viewer.has("COMMUNITY_STAFF")) return [];
  return scopePrefixes(viewer.areaCodes);
}

/** Whether street or community staff hold this area (or one above it) in scope; never for a missing area. */
export function staffCoverArea(viewer: Viewer, areaCode: string | null): boolean {
  if (areaCode === null) return false;
  return staffAreaPrefixes(viewer).some((prefix) => areaCode.startsWith(prefix));
}
