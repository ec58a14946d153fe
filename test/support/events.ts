import { newId } from "@kit/ids";

/** The internal mutation a producer's relay calls on venues (kit/events), as a test sends it by hand. */
export const VENUES_RECEIVE_EVENT = `mutation Receive($id: ID!, $type: String!, $version: Int!, $aggregateId: ID!, $occurredAt: DateTime!, $payload: String!) {
  venuesReceiveEvent(id: $id, type: $type, version: $version, aggregateId: $aggregateId, occurredAt: $occurredAt, payload: $payload)
}`;

/** Variables of VENUES_RECEIVE_EVENT: an OrganizationEligibilityChanged v1 event with a fresh id; `payload` overrides fields. */
export function eligibilityEvent(organizationId: string, payload: Record<string, unknown> = {}, id = newId("OutboxEvent")) {
  const body = { organizationId, legalForm: "FILED", status: "ACTIVE", federationIds: [], ...payload };
  return { id, type: "OrganizationEligibilityChanged", version: 1, aggregateId: organizationId, occurredAt: "2022-03-12T09:00:00+08:00", payload: JSON.stringify(body) };
}

/** Variables of VENUES_RECEIVE_EVENT: an OrganizationDeregistered v1 event. */
export function deregisteredEvent(organizationId: string, deregisteredOn: string, id = newId("OutboxEvent")) {
  return { id, type: "OrganizationDeregistered", version: 1, aggregateId: organizationId, occurredAt: `${deregisteredOn}T09:00:00+08:00`, payload: JSON.stringify({ organizationId, deregisteredOn }) };
}
