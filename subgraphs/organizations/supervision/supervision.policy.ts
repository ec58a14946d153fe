import { Viewer } from "../../../platform/identity";
import { NotesAccess } from "./supervision-notes.rules";
import { actsFor, Area, isStaffFor } from "../directory";

/** §9.2: supervision is internal; partner front-ends and anonymous callers see none of it. */
export function seesSupervision(viewer: Viewer): boolean {
  return !viewer.anonymous && !viewer.has("PARTNER");
}

export interface VisitFacts {
  supervisorPersonId: string;
  agencyOrgId: string;
  organizationId: string;
  orgArea: Pick<Area, "path"> | null;
  shareWithLeader: boolean;
}

/**
 * §9.2 "Supervision visits and notes" and §9.3: the supervisor and their agency read the notes; the organization's
 * leader only when they are shared; federation admins and staff in scope read a summary; nobody else.
 */
export function notesAccess(viewer: Viewer, visit: VisitFacts): NotesAccess {
  if (!seesSupervision(viewer)) return "NONE";
  if (viewer.personId !== null && viewer.personId === visit.supervisorPersonId) return "FULL";
  if (actsFor(viewer, "ORG_LEADER", visit.agencyOrgId) || actsFor(viewer, "SUPERVISOR", visit.agencyOrgId)) return "FULL";
  if (visit.shareWithLeader && actsFor(viewer, "ORG_LEADER", visit.organizationId)) return "FULL";
  if (viewer.has("FEDERATION_ADMIN")) return "SUMMARY";
  if (visit.orgArea && isStaffFor(viewer, visit.orgArea)) return "SUMMARY";
  return "NONE";
}
