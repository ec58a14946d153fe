import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { FilingRecord } from "./filing-record.entity";
import { FilingStatus } from "./filing.enums";

/**
 * Narrows an organization query (alias `alias`) to organizations whose filing is in one of `statuses`:
 * the `OrgFilter.filingStatus` condition of Q8's filing queue, as one subquery.
 */
export function whereFilingStatus<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  statuses: readonly FilingStatus[],
  options: { numberedOnly?: boolean } = {},
): SelectQueryBuilder<T> {
  if (!statuses.length) return query;
  // numberedOnly: callers who may know only whether an organization is filed match only filings that got a number
  const condition = options.numberedOnly ? "f.status IN (:...filingStatuses) AND f.filingNo IS NOT NULL" : "f.status IN (:...filingStatuses)";
  return query
    .andWhere((qb) => {
      const filed = qb.subQuery().select("f.organizationId").from(FilingRecord, "f").where(condition).getQuery();
      return `${alias}.id IN ${filed}`;
    })
    .setParameter("filingStatuses", [...statuses]);
}
