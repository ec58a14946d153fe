import { EntityManager, In } from "typeorm";
import { emitEvent, emitEvents } from "../../kit/events";
import { OrganizationDeregistered, OrganizationEligibilityChanged, OrganizationListingChanged } from "../../kit/events/catalog";
import { Area, Organization } from "../directory";
import { FederationMembership } from "./federation-membership.entity";
import { FederationMembershipStatus } from "./federation-membership.enums";

// Issue 11, point 5: what venues' C7 snapshot (and later consumers) know of an organization travels as events from
// the mutation that changed it. This lives beside the memberships because their ACTIVE rows are part of the payload
// and filing and import already depend on this feature (the reverse would be an import cycle).

/**
 * Emits OrganizationEligibilityChanged for each organization, with its legalForm, status and ACTIVE federations as
 * `tx` sees them now, and OrganizationListingChanged with its areas for the gateway's cache of the public directory:
 * call it inside the mutation's writeTransaction, after its writes. Seven statements for up to 200.
 */
export async function emitEligibilityChanged(tx: EntityManager, organizationIds: readonly string[], requestId: string | null): Promise<number> {
  if (!organizationIds.length) return 0;
  const ids = [...new Set(organizationIds)];
  const orgs = await tx.getRepository(Organization).find({ select: { id: true, legalForm: true, status: true, homeAreaCode: true }, where: { id: In(ids) }, order: { id: "ASC" } });
  const memberships = await tx.getRepository(FederationMembership).find({
    select: { id: true, memberId: true, federationId: true },
    where: { memberId: In(ids), status: FederationMembershipStatus.ACTIVE },
  });
  const federations = new Map<string, string[]>();
  for (const m of memberships) (federations.get(m.memberId) ?? federations.set(m.memberId, []).get(m.memberId)!).push(m.federationId);
  const events = orgs.map((org) => ({
    aggregateId: org.id,
    payload: { organizationId: org.id, legalForm: org.legalForm, status: org.status, federationIds: [...new Set(federations.get(org.id) ?? [])].sort() },
  }));
  await emitEvents(tx, OrganizationEligibilityChanged, events, requestId);
  await emitListingChanged(tx, orgs, requestId);
  return orgs.length;
}

/** The home area and every area above it: the directory lists of each show the organization. */
async function emitListingChanged(tx: EntityManager, orgs: readonly Pick<Organization, "id" | "homeAreaCode">[], requestId: string | null): Promise<void> {
  const codes = [...new Set(orgs.map((org) => org.homeAreaCode))];
  const areas = await tx.getRepository(Area).find({ select: { code: true, path: true }, where: { code: In(codes) } });
  const pathOf = new Map(areas.map((area) => [area.code, area.path.split("/").filter(Boolean)]));
  const events = orgs.map((org) => ({ aggregateId: org.id, payload: { organizationId: org.id, areaCodes: pathOf.get(org.homeAreaCode) ?? [org.homeAreaCode] } }));
  await emitEvents(tx, OrganizationListingChanged, events, requestId);
}

/** Emits OrganizationDeregistered (DOMAIN §8.1: consumers end what the organization still had running). */
export async function emitDeregistered(tx: EntityManager, organizationId: string, deregisteredOn: string, requestId: string | null): Promise<void> {
  await emitEvent(tx, OrganizationDeregistered, organizationId, { organizationId, deregisteredOn }, requestId);
}
