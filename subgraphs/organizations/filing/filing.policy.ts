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
