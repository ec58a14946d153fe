import { Viewer } from "../../../platform/identity";
import { NotesAccess } from "./supervision-notes.rules";
import { actsFor, Area, isStaffFor } from "../directory";

/** One assignment as the read rule needs it: who supervises, for which agency, which organization where. */
export interface AssignmentFacts {
  supervisorPersonId: string;
  agencyOrgId: string;
  organizationId: string;
  orgArea: Pick<Area, "path"> | null;
}

export interface VisitFacts extends AssignmentFacts {
  shareWithLeader: boolean;
}

/** The person signed in as the assignment's supervisor (SUP role and their own person id). */
export function isAssignedSupervisor(viewer: Viewer, assignment: Pick<AssignmentFacts, "supervisorPersonId">): boolean {
  return viewer.has("SUPERVISOR") && viewer.personId !== null && viewer.personId === assignment.supervisorPersonId;
}

/** The supervisor themself, or their agency (its leader, or a supervisor acting for it). */
function supervisesOrAgency(viewer: Viewer, assignment: AssignmentFacts): boolean {
  if (isAssignedSupervisor(viewer, assignment)) return true;
  return actsFor(viewer, "SUPERVISOR", assignment.organizationId) || actsFor(viewer, "SUPERVISOR", assignment.agencyOrgId) || actsFor(viewer, "ORG_LEADER", assignment.agencyOrgId);
}

/**
 * §9.2 "Supervision visits and notes": FA (summary), SS/CS in scope (summary), the SUP assigned (or its agency) and
 * the organization's own OL. Nobody else reads that an assignment or a visit exists: not OM, AC, RV, PO, VA, PT, nor
 * a signed-in person without a role.
 */
export function seesAssignment(viewer: Viewer, assignment: AssignmentFacts): boolean {
  if (viewer.anonymous) return false;
  if (viewer.has("FEDERATION_ADMIN")) return true;
  if (supervisesOrAgency(viewer, assignment)) return true;
  if (actsFor(viewer, "ORG_LEADER", assignment.organizationId)) return true;
  return assignment.orgArea !== null && isStaffFor(viewer, assignment.orgArea);
}

/**
 * §9.2 and §9.3 "Supervision notes": the supervisor and their agency read the notes; the organization's leader only
 * when they are shared; federation admins and staff in scope read a summary; nobody else.
 */
export function notesAccess(viewer: Viewer, visit: VisitFacts): NotesAccess {
  if (!seesAssignment(viewer, visit)) return "NONE";
  if (supervisesOrAgency(viewer, visit)) return "FULL";
  if (visit.shareWithLeader && actsFor(viewer, "ORG_LEADER", visit.organizationId)) return "FULL";
  if (viewer.has("FEDERATION_ADMIN")) return "SUMMARY";
  if (visit.orgArea && isStaffFor(viewer, visit.orgArea)) return "SUMMARY";
  return "NONE";
}
