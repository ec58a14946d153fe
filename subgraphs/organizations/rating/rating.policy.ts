import { Viewer } from "../../../platform/identity";
import { actsFor, Area, isStaffFor } from "../directory";

/** §8.5 actors of the panel steps: a federation admin, or street staff whose area covers the organization. */
export function isRatingAuthority(viewer: Viewer, orgArea: Pick<Area, "path"> | null): boolean {
  return viewer.has("FEDERATION_ADMIN") || (orgArea !== null && isStaffFor(viewer, orgArea, ["STREET_STAFF"]));
}

export interface InProgressFacts {
  organizationId: string;
  orgArea: Pick<Area, "path"> | null;
  panelistIds: readonly string[];
  /** people supervising the organization today */
  supervisorIds: readonly string[];
}

/**
 * §9.2 "Rating evaluation in progress": federation admins, staff in scope, the evaluation's panelists,
 * the organization's leader and its supervisor. Settled results (FINAL, VOID) are public and need no check.
 */
export function seesRatingInProgress(viewer: Viewer, facts: InProgressFacts): boolean {
  if (viewer.has("FEDERATION_ADMIN")) return true;
  if (facts.orgArea && isStaffFor(viewer, facts.orgArea)) return true;
  if (actsFor(viewer, "ORG_LEADER", facts.organizationId)) return true;
  if (actsFor(viewer, "SUPERVISOR", facts.organizationId)) return true;
  const person = viewer.personId;
  return person !== null && (facts.panelistIds.includes(person) || facts.supervisorIds.includes(person));
}
