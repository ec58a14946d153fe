import { EntityManager, In } from "typeorm";
import { emitEvent, emitEvents } from "../../kit/events";
import { OrganizationDeregistered, OrganizationEligibilityChanged } from "../../kit/events/catalog";
import { Organization } from "../directory";
import { FederationMembership } from "./federation-membership.entity";
import { FederationMembershipStatus } from "./federation-membership.enums";

// Issue 11, point 5: what venues' C7 snapshot (and later consumers) know of an organization travels as events from
// the mutation that changed it. This lives beside the memberships because their ACTIVE rows are part of the payload
// and filing and import already depend on this feature (the reverse would be an import cycle).

/**
 * Emits OrganizationEligibilityChanged for each organization, with its legalForm, status and ACTIVE federations as
 * `tx` sees them now: call it inside the mutation's writeTransaction, after its writes. Four statements for up to 200.
 */
export async function emitEligibilityChanged(tx: EntityManager, organizationIds: readonly string[], requestId: string | null): Promise<number> {
  if (!organizationIds.length) return 0;
  const ids = [...new Set(organizationIds)];
  const orgs = await tx.getRepository(Organization).find({ select: { id: true, legalForm: true, status: true }, where: { id: In(ids) }, order: { id: "ASC" } });
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
  return orgs.length;
}

/** Emits OrganizationDeregistered (DOMAIN §8.1: consumers end what the organization still had running). */
export async function emitDeregistered(tx: EntityManager, organizationId: string, deregisteredOn: string, requestId: string | null): Promise<void> {
  await emitEvent(tx, OrganizationDeregistered, organizationId, { organizationId, deregisteredOn }, requestId);
}
