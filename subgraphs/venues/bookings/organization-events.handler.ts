import { EntityManager, In } from "typeorm";
import { now } from "../../kit/clock";
import { onEvent } from "../../kit/events";
import { OrganizationDeregistered, OrganizationEligibilityChanged } from "../../kit/events/catalog";
import { lockForWrite } from "../../kit/transaction";
import { Booking } from "./booking.entity";
import { emitRoomBookingsChanged } from "./booking.events";
import { BookingStatus } from "./booking.enums";
import { BLOCKING_STATUSES, effectiveStatus } from "./booking.machine";
import { OrgEligibility } from "./org-eligibility.entity";

// Issue 11: what the organizations subgraph tells venues. Each handler runs in the transaction that records the
// event in the inbox, so it is applied once.

/**
 * C7's snapshot follows the organization: the payload is its whole state after the change, so it replaces the row,
 * unless the row already holds a later state (a parked event an admin retried after newer ones went by).
 */
export const eligibilityChanged = onEvent(OrganizationEligibilityChanged, async (tx, { payload, occurredAt }) => {
  const rows = tx.getRepository(OrgEligibility);
  const current = await lockForWrite(tx, rows.createQueryBuilder("o").where("o.organizationId = :id", { id: payload.organizationId })).getOne();
  if (current?.asOf && current.asOf.getTime() > occurredAt.getTime()) return;
  await rows.save({ organizationId: payload.organizationId, legalForm: payload.legalForm, status: payload.status, updatedAt: now(), asOf: occurredAt });
});

/** DOMAIN §8.1: deregistration cancels the organization's future bookings, saying why on each (venue admins see it). */
export const deregistered = onEvent(OrganizationDeregistered, async (tx, { payload }) => {
  await cancelFutureBookings(tx, payload.organizationId, `Cancelled: the organization was deregistered on ${payload.deregisteredOn} (注销).`);
});

/** Every booking of the organization that starts from now on and still blocks its room becomes CANCELLED. */
export async function cancelFutureBookings(tx: EntityManager, organizationId: string, reason: string): Promise<string[]> {
  const at = now();
  const candidates = await lockForWrite(
    tx,
    tx
      .getRepository(Booking)
      .createQueryBuilder("b")
      .where("b.organizationId = :organizationId AND b.startsAt >= :at AND b.status IN (:...blocking)", { organizationId, at, blocking: BLOCKING_STATUSES }),
  ).getMany();
  // a lapsed hold is already EXPIRED (§8.3): it keeps that status
  const ids = candidates.filter((b) => BLOCKING_STATUSES.includes(effectiveStatus(b, at))).map((b) => b.id);
  // not the organization's choice, so never a late cancellation counted against a quota (C8)
  if (ids.length) await tx.getRepository(Booking).update({ id: In(ids) }, { status: BookingStatus.CANCELLED, statusReason: reason, lateCancellation: false });
  await emitRoomBookingsChanged(tx, candidates.filter((b) => ids.includes(b.id)), null);
  return ids;
}
