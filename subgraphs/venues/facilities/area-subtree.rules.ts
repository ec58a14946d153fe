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

/** Every prefix of a code an area subtree can have, longest first: the keys a facility is indexed under. */
export function candidatePrefixes(areaCode: string): string[] {
  const prefixes: string[] = [];
  for (let length = areaCode.length; length >= 2; length -= 1) prefixes.push(areaCode.slice(0, length));
  return prefixes;
}
