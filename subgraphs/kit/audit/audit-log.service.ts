import { BadInputError, ForbiddenError } from "../../../platform/errors";
import { HubContext } from "../context";
import { Page, paginate } from "../pagination";
import { AuditEntry } from "./audit-entry.entity";
import { AuditLogFilter } from "./audit-log.type";

/** Reads one subgraph's audit log: federation admins only (issue 10, point 8), filtered in SQL, keyset-paged by id. */
export async function readAuditLog(ctx: HubContext, filter: AuditLogFilter | null | undefined, page: { first?: number | null; after?: string | null }): Promise<Page<AuditEntry>> {
  if (!ctx.viewer.has("FEDERATION_ADMIN")) throw new ForbiddenError("The audit log is for federation admins (FA) only.");
  const query = ctx.db.getRepository(AuditEntry).createQueryBuilder("a");
  if (filter?.from && filter?.to && filter.from >= filter.to) {
    throw new BadInputError("filter: from must be before to (the period is [from, to)).", { argument: "filter.from" });
  }
  if (filter?.from) query.andWhere("a.at >= :from", { from: filter.from });
  if (filter?.to) query.andWhere("a.at < :to", { to: filter.to });
  if (filter?.personId) query.andWhere("a.personId = :personId", { personId: short(filter.personId, 40, "filter.personId") });
  if (filter?.operation) query.andWhere("a.operationName = :operation", { operation: short(filter.operation, 100, "filter.operation") });
  if (filter?.field) query.andWhere("a.field = :field", { field: short(filter.field, 100, "filter.field") });
  if (filter?.outcomes?.length) query.andWhere("a.outcome IN (:...outcomes)", { outcomes: filter.outcomes });
  return paginate(query, "a", page);
}

function short(value: string, max: number, argument: string): string {
  if (value.length > max) throw new BadInputError(`${argument}: at most ${max} characters.`, { argument, max });
  return value;
}
