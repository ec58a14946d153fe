import { subtreePrefix } from "../../kit/area-scope";

export { subtreePrefix };

/** Every prefix of a code an area subtree can have, longest first: the keys a facility is indexed under. */
export function candidatePrefixes(areaCode: string): string[] {
  const prefixes: string[] = [];
  for (let length = areaCode.length; length >= 2; length -= 1) prefixes.push(areaCode.slice(0, length));
  return prefixes;
}
