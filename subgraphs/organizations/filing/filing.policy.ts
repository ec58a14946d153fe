import { Viewer } from "../../../platform/identity";
import { FilingActorFacts } from "./filing.machine";
import { actsFor, Area, isStaffFor } from "../directory";

// Who may do and see what on a filing (DOMAIN §8.1 actors, §9.2 "Filing record and transitions").

/** The caller's standing towards an organization, as the filing machine needs it. */
export function filingActorFacts(viewer: Viewer, organizationId: string, homeArea: Pick<Area, "path">): FilingActorFacts {
  return {
    leadsOrganization: actsFor(viewer, "ORG_LEADER", organizationId),
    communityStaffInScope: isStaffFor(viewer, homeArea, ["COMMUNITY_STAFF"]),
    streetStaffInScope: isStaffFor(viewer, homeArea, ["STREET_STAFF"]),
  };
}

/**
 * Events and the charter: federation admins, staff in scope, the organization's supervisor and its leader.
 * Everyone else (partners too) sees only whether it is filed, its number and status.
 */
export function canSeeFilingDetails(viewer: Viewer, organizationId: string, homeArea: Pick<Area, "path">): boolean {
  return (
    viewer.has("FEDERATION_ADMIN") ||
    isStaffFor(viewer, homeArea) ||
    actsFor(viewer, "SUPERVISOR", organizationId) ||
    actsFor(viewer, "ORG_LEADER", organizationId)
  );
}

/** Roles of §9.2's filing row that read the status of any organization's filing (R or R (status)). */
const STATUS_READERS = ["FEDERATION_ADMIN", "STREET_STAFF", "COMMUNITY_STAFF", "ORG_LEADER", "REVIEWER", "PROGRAM_OFFICER", "VENUE_ADMIN"] as const;

/** Whether the caller reads the status of any filing, whatever its organization. */
export function readsAnyFilingStatus(viewer: Viewer): boolean {
  return STATUS_READERS.some((role) => viewer.has(role));
}

/**
 * §9.2 "Filing record": who may see a filing that is still in progress (no number yet). Besides the status readers,
 * the organization's supervisor (SUP R s) and its members (OM R own (status)). Partners learn only whether an
 * organization is filed and its number (PT "R (filed yes/no, filingNo)"), academy staff nothing more (AC "—"), so
 * for them a filing without a number does not exist.
 */
export function seesFilingInProgress(viewer: Viewer, organizationId: string): boolean {
  return readsAnyFilingStatus(viewer) || actsFor(viewer, "SUPERVISOR", organizationId) || actsFor(viewer, "ORG_MEMBER", organizationId);
}
