import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { FilingRecord } from "./filing-record.entity";
import { FilingStatus } from "./filing.enums";

/**
 * Narrows an organization query (alias `alias`) to organizations whose filing is in one of `statuses`:
 * the `OrgFilter.filingStatus` condition of Q8's filing queue, as one subquery.
 */
export function whereFilingStatus<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, statuses: readonly FilingStatus[]): SelectQueryBuilder<T> {
  if (!statuses.length) return query;
  return query
    .andWhere((qb) => {
      const filed = qb.subQuery().select("f.organizationId").from(FilingRecord, "f").where("f.status IN (:...filingStatuses)").getQuery();
      return `${alias}.id IN ${filed}`;
    })
    .setParameter("filingStatuses", [...statuses]);
}
