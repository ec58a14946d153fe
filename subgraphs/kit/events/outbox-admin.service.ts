import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from "../../../platform/errors";
import { HubContext } from "../context";
import { decodeCursor, Page, pageSize, toPage } from "../pagination";
import { writeTransaction, afterCommit } from "../transaction";
import { wakeRelay } from "./emit";
import { DeliveryStatus, OutboxDelivery } from "./outbox.entity";

const DELIVERY_ID = /^dlv_([1-9][0-9]{0,15})$/;

function requireAdmin(ctx: HubContext): void {
  if (!ctx.viewer.has("FEDERATION_ADMIN")) throw new ForbiddenError("The outbox is for federation admins (FA) only.");
}

function parseDeliveryId(raw: string, argument: string): number {
  const match = DELIVERY_ID.exec(raw);
  if (!match) throw new BadInputError(`${argument}: "${raw.slice(0, 40)}" is not a delivery id; expected dlv_ and a number, as the outbox lists them.`, { argument });
  return Number(match[1]);
}

/** The outbox's deliveries in the given statuses (PARKED by default), oldest first, keyset-paged by seq: FA only. */
export async function readOutbox(ctx: HubContext, statuses: DeliveryStatus[] | null | undefined, args: { first?: number | null; after?: string | null }): Promise<Page<OutboxDelivery>> {
  requireAdmin(ctx);
  const size = pageSize(args.first);
  const wanted = statuses?.length ? statuses : [DeliveryStatus.PARKED];
  const query = ctx.db.getRepository(OutboxDelivery).createQueryBuilder("d").where("d.status IN (:...wanted)", { wanted });
  const totalCount = await query.clone().getCount();
  const page = query.clone().orderBy("d.seq", "ASC").take(size + 1);
  if (args.after) page.andWhere("d.seq > :after", { after: parseDeliveryId(decodeCursor(args.after), "after") });
  return toPage(await page.getMany(), size, totalCount);
}

/** Puts a PARKED delivery back in line with fresh attempts; the relay sends it at once. */
export async function retryDelivery(ctx: HubContext, rawId: string): Promise<OutboxDelivery> {
  requireAdmin(ctx);
  const seq = parseDeliveryId(rawId, "id");
  return writeTransaction(ctx.db, async (tx) => {
    const repository = tx.getRepository(OutboxDelivery);
    const row = await repository.findOneBy({ seq });
    if (!row) throw new NotFoundError("OutboxDelivery", rawId);
    if (row.status !== DeliveryStatus.PARKED) {
      throw new ConflictError(`Delivery ${rawId} is ${row.status}; only PARKED deliveries are retried (PENDING ones are retried by the relay).`, { state: row.status });
    }
    const at = new Date();
    const changed = await repository.update({ seq, status: DeliveryStatus.PARKED }, { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: at, leaseUntil: null });
    if (changed.affected !== 1) throw new ConflictError(`Delivery ${rawId} changed meanwhile; list the outbox again.`, { state: row.status });
    const db = tx.connection;
    afterCommit(tx, () => wakeRelay(db));
    return Object.assign(row, { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: at, leaseUntil: null });
  });
}
