import { Role, Viewer } from "../../../platform/identity";
import { areaInScope } from "../../kit/area-scope";

/** What decides an enrollment's readers besides the enrollment itself. */
export interface EnrollmentScope {
  /** The organization's home area, when the gateway supplied it (@requires); null when unknown. */
  organizationAreaCode: string | null;
  /** The offering's academy and the academies above it. */
  academyLine: string[];
}

/**
 * DOMAIN §9.2 "Enrollments and attendance": FA Agg; SS/CS R s; SUP R s; OL R own; OM R W own; AC R W A
 * (INS: attendance); RV, PO, VA, PT —.
 * Safer readings where the matrix is terse:
 * - FA reads aggregates only (the offering's seat counts), never the person-level list.
 * - SS/CS: the organization's home area must lie in their area scope; when it is unknown, no.
 * - OM "own" is the member's own enrollments, not the whole organization's.
 * - AC: staff of the offering's academy or of an academy above it (read access to child academies).
 * - INS alone reads nothing here: tokens carry no session assignments yet.
 */
export function seesEnrollment(viewer: Viewer, enrollment: { personId: string; organizationId: string }, scope: EnrollmentScope): boolean {
  if (viewer.service !== null) return true;
  if (viewer.anonymous) return false;
  if ((viewer.has("STREET_STAFF") || viewer.has("COMMUNITY_STAFF")) && scope.organizationAreaCode && areaInScope(viewer.areaCodes, scope.organizationAreaCode)) return true;
  if ((viewer.has("SUPERVISOR") || viewer.has("ORG_LEADER")) && viewer.orgIds.includes(enrollment.organizationId)) return true;
  if (viewer.has("ORG_MEMBER") && viewer.personId !== null && viewer.personId === enrollment.personId) return true;
  return viewer.has("ACADEMY_STAFF") && scope.academyLine.some((id) => viewer.academyIds.includes(id));
}

const READER_ROLES: Role[] = ["STREET_STAFF", "COMMUNITY_STAFF", "SUPERVISOR", "ORG_LEADER", "ORG_MEMBER", "ACADEMY_STAFF"];

/** Whether the viewer may read any enrollment at all; the rest see an empty list without a query. */
export function readsSomeEnrollments(viewer: Viewer): boolean {
  if (viewer.service !== null) return true;
  return READER_ROLES.some((role) => viewer.has(role));
}
