import { Viewer } from "../../../platform/identity";
import { Area } from "./area.entity";

// Scope checks on the signed viewer (DOMAIN §9.1): the gateway verified the token, the kit verified the gateway.

/** Whether one of the viewer's area codes is this area or one of its ancestors (street/community staff scope). */
export function coversArea(viewer: Viewer, area: Pick<Area, "path">): boolean {
  const codes = area.path.split("/").filter(Boolean);
  return viewer.areaCodes.some((code) => codes.includes(code));
}

/** Whether the viewer holds `role` for this organization (its id is among the viewer's orgIds). */
export function actsFor(viewer: Viewer, role: "ORG_LEADER" | "ORG_MEMBER" | "SUPERVISOR", organizationId: string): boolean {
  return viewer.has(role) && viewer.orgIds.includes(organizationId);
}

/** Street or community staff whose area scope covers the area. */
export function isStaffFor(viewer: Viewer, area: Pick<Area, "path">, roles: ("STREET_STAFF" | "COMMUNITY_STAFF")[] = ["STREET_STAFF", "COMMUNITY_STAFF"]): boolean {
  return roles.some((role) => viewer.has(role)) && coversArea(viewer, area);
}
