import { Viewer } from "../../../platform/identity";

// Street/community staff scope (DOMAIN §9.1) on area codes alone: funding holds no area tree (organizations owns
// areas), but street, community and compound codes extend their parent's code, so a subtree is a code prefix.

/** Only plain codes take part in scope checks: an empty or odd claim ("", "%", "3401_") never widens a scope. */
const AREA_CODE = /^[0-9A-Z]{2,20}$/;

/**
 * The code prefix shared by an area and everything under it. A six-digit GB/T 2260 code pads its unused levels
 * with "00" (340100 合肥市), which are dropped so that 340100 covers 340111 包河区 and its streets.
 */
export function subtreePrefix(areaCode: string): string {
  if (areaCode.length !== 6) return areaCode;
  let prefix = areaCode;
  while (prefix.length > 2 && prefix.endsWith("00")) prefix = prefix.slice(0, -2);
  return prefix;
}

/** The subtree prefixes of a street or community staff caller's area claims; empty for every other caller. */
export function staffAreaPrefixes(viewer: Viewer): string[] {
  if (!viewer.has("STREET_STAFF") && !viewer.has("COMMUNITY_STAFF")) return [];
  return [...new Set(viewer.areaCodes.filter((code) => AREA_CODE.test(code)).map(subtreePrefix))];
}

/** Whether street or community staff hold this area (or one above it) in scope; never for a missing area. */
export function staffCoverArea(viewer: Viewer, areaCode: string | null): boolean {
  if (areaCode === null) return false;
  return staffAreaPrefixes(viewer).some((prefix) => areaCode.startsWith(prefix));
}
