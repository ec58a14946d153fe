import { HubContext } from "../../kit/context";
import { Area } from "./area.entity";
import { Person } from "./person.entity";
import { areaByCode, membershipsByPerson, organizationById } from "./directory.loaders";
import { coversArea } from "./access.policy";

/** Which personal fields of one person this caller may read in clear (DOMAIN §9.3). */
export interface PersonalVisibility {
  name: boolean;
  phone: boolean;
  birthYear: boolean;
  memberships: boolean;
}

const NOTHING: PersonalVisibility = { name: false, phone: false, birthYear: false, memberships: false };
const EVERYTHING: PersonalVisibility = { name: true, phone: true, birthYear: true, memberships: true };

/**
 * §9.3: the person themself sees everything; street/community staff whose area covers one of the person's
 * organizations (or where they live) and the supervisor of one of those organizations see name, phone and birth
 * year; the leader of an organization the person belongs to sees name and phone; federation admins see names.
 * Everyone else, partners and anonymous callers included, gets the masked view. All lookups go through loaders.
 */
export async function personalVisibility(ctx: HubContext, person: Person): Promise<PersonalVisibility> {
  const viewer = ctx.viewer;
  if (viewer.anonymous) return NOTHING;
  if (viewer.personId === person.id) return EVERYTHING;
  const active = (await membershipsByPerson(ctx).load(person.id)).filter((m) => m.leftOn === null);
  const orgIds = active.map((m) => m.organizationId);
  const shares = (role: "ORG_LEADER" | "SUPERVISOR") => viewer.has(role) && orgIds.some((id) => viewer.orgIds.includes(id));
  let staffInScope = false;
  if (viewer.has("STREET_STAFF") || viewer.has("COMMUNITY_STAFF")) {
    const orgs = await organizationById(ctx).loadMany(orgIds);
    const areaCodes = orgs.flatMap((o) => (o && !(o instanceof Error) ? [o.homeAreaCode] : []));
    if (person.residentAreaCode) areaCodes.push(person.residentAreaCode);
    const areas = await areaByCode(ctx).loadMany(areaCodes);
    staffInScope = areas.some((a) => a instanceof Area && coversArea(viewer, a));
  }
  if (staffInScope || shares("SUPERVISOR")) return { name: true, phone: true, birthYear: true, memberships: true };
  if (shares("ORG_LEADER")) return { name: true, phone: true, birthYear: false, memberships: true };
  if (viewer.has("FEDERATION_ADMIN")) return { name: true, phone: false, birthYear: false, memberships: true };
  return NOTHING;
}
