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

/** Whether one of a staff scope's area codes is this area or above it; an empty code covers nothing (never a wildcard). */
export function areaInScope(scopeCodes: readonly string[], areaCode: string): boolean {
  return scopeCodes.some((code) => code.trim() !== "" && areaCode.startsWith(subtreePrefix(code)));
}
