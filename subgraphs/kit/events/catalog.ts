import { z } from "zod";
import { OrganizationListingChanged, RoomBookingsChanged } from "../../../platform/public-facts";
import { defineEvent, EventContract } from "./contract";

/**
 * The hub's declared table of events: event type → producer → consumers (issue 11). A relay delivers an event to
 * exactly the consumers listed here; a consumer accepts it only from the producer listed here and must handle
 * every type that names it (test/unit/kit/event-catalog.test.ts checks both against the subgraphs).
 */

const organizationId = z.string().regex(/^org_[0-9A-Za-z_]{1,35}$/, "an Organization id");

/** Legal forms and statuses as the organizations subgraph spells them (DOMAIN §3.1). */
export const LEGAL_FORM_VALUES = ["SOCIAL_GROUP", "SOCIAL_SERVICE_AGENCY", "FOUNDATION", "FILED", "INFORMAL"] as const;
export const ORG_STATUS_VALUES = ["PREPARING", "ACTIVE", "DORMANT", "SUSPENDED", "DEREGISTERED"] as const;

/** What booking eligibility (C7) and others read of an organization: its whole current state, not a delta. */
export const OrganizationEligibilityChanged = defineEvent({
  type: "OrganizationEligibilityChanged",
  version: 1,
  producer: "organizations",
  consumers: ["venues"],
  description: "An organization's legal form, status or federation memberships changed (filing, suspension, reinstatement, deregistration, import, federation membership); the payload is the state after the change.",
  payload: z
    .object({
      organizationId,
      legalForm: z.enum(LEGAL_FORM_VALUES),
      status: z.enum(ORG_STATUS_VALUES),
      /** Federations (联合会) the organization is an ACTIVE member of. */
      federationIds: z.array(organizationId).max(100),
    })
    .strict(),
});

/** DOMAIN §8.1: deregistration (注销) ends an organization's life in the hub; its future bookings are cancelled. */
export const OrganizationDeregistered = defineEvent({
  type: "OrganizationDeregistered",
  version: 1,
  producer: "organizations",
  consumers: ["venues"],
  description: "An organization was DEREGISTERED (its filing ended); consumers end what it still had running.",
  payload: z.object({ organizationId, deregisteredOn: z.iso.date() }).strict(),
});

export { OrganizationListingChanged, RoomBookingsChanged };

/** The gateway consumes the public facts' events (platform/public-facts): they clear its response cache. */
export const GATEWAY_CONSUMER = "gateway";

export const EVENT_CATALOG: readonly EventContract[] = [OrganizationEligibilityChanged, OrganizationDeregistered, OrganizationListingChanged, RoomBookingsChanged] as EventContract[];

/** The contract of an event type, or undefined for a type the hub does not know. */
export function contractOf(type: string): EventContract | undefined {
  return EVENT_CATALOG.find((contract) => contract.type === type);
}
