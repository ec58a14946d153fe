import { subtreePrefix } from "../facilities";

/**
 * The code prefix a "near" search covers: the area's parent and everything under it (the same street for a
 * community, the same city for a district). Geographic distance is not modelled yet: facilities carry no coordinates.
 */
export function nearPrefix(areaCode: string): string {
  if (areaCode.length > 6) {
    // synthetic segments are a letter and two digits (340111X01C01); 12-digit statistical codes nest by 3 digits
    return /[A-Z]\d{2}$/.test(areaCode) || areaCode.length === 9 || areaCode.length === 12 ? areaCode.slice(0, -3) : areaCode.slice(0, 6);
  }
  const prefix = subtreePrefix(areaCode);
  return prefix.length > 2 ? prefix.slice(0, -2) : prefix;
}
