import { addDays } from "../../subgraphs/kit/days";
import { MemberRole, OrgCategory, OrgStatus } from "../../subgraphs/organizations/directory";
import { SupervisionAssignment } from "../../subgraphs/organizations/supervision";
import { World } from "./manifest";
import { Rng } from "./rng";
import { sid } from "./volumes";

/**
 * Social-work supervision (DOMAIN §3.6): the social-work agencies of a street lend their leaders and backbone members
 * as supervisors (常青街道: 15 social workers for 255 organizations [A]), and about 80% of the street's other
 * organizations have one. Q7 ("my organizations at risk") reads these.
 */
export function generateSupervision(seed: number, world: World): SupervisionAssignment[] {
  const rng = Rng.forPart(seed, "supervision");
  const assignments: SupervisionAssignment[] = [];
  for (const street of world.streets) {
    const orgs = world.orgsByStreet.get(street.code) ?? [];
    const supervisors = orgs
      .filter((o) => o.category === OrgCategory.PROFESSIONAL_SOCIAL_WORK && o.status === OrgStatus.ACTIVE)
      .flatMap((agency) => world.activeMembers.get(agency.id)!.filter((m) => m.role === MemberRole.LEADER || m.role === MemberRole.BACKBONE).map((m) => ({ agencyOrgId: agency.id, personId: m.personId })));
    if (!supervisors.length) continue;
    for (const org of orgs) {
      if (org.category === OrgCategory.PROFESSIONAL_SOCIAL_WORK || org.status === OrgStatus.DEREGISTERED || !rng.chance(0.8)) continue;
      const supervisor = rng.pick(supervisors);
      // a supervisor never supervises an organization they belong to (DOMAIN §3.6)
      if (world.activeMembers.get(org.id)!.some((m) => m.personId === supervisor.personId)) continue;
      assignments.push({
        id: sid("sup", assignments.length + 1, 6),
        organizationId: org.id,
        agencyOrgId: supervisor.agencyOrgId,
        supervisorPersonId: supervisor.personId,
        since: addDays("2020-01-01", rng.int(0, 700)),
        until: null,
        cadence: rng.pick(["MONTHLY", "MONTHLY", "QUARTERLY"]),
      });
    }
  }
  return assignments;
}
