import { Brackets, DataSource, EntityManager } from "typeorm";
import { SupervisionAssignment } from "./supervision-assignment.entity";

/**
 * The people supervising each organization on `on` (a business day): assignments with since ≤ on < until.
 * Every organization id is a key of the result ([] when none); one statement, none for an empty list.
 * Reused by the supervisedByMe filter, the leader-dependency signal and rating recusal.
 */
export async function supervisorsOf(db: EntityManager | DataSource, organizationIds: string[], on: string): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(organizationIds.map((id) => [id, []]));
  if (!organizationIds.length) return result;
  const rows = await db
    .getRepository(SupervisionAssignment)
    .createQueryBuilder("s")
    .select(["s.organizationId", "s.supervisorPersonId"])
    .where("s.organizationId IN (:...organizationIds)", { organizationIds: [...new Set(organizationIds)] })
    .andWhere("s.since <= :on", { on })
    .andWhere(new Brackets((qb) => qb.where("s.until IS NULL").orWhere("s.until > :on", { on })))
    .orderBy("s.supervisorPersonId", "ASC")
    .getMany();
  for (const row of rows) {
    const people = result.get(row.organizationId)!;
    if (!people.includes(row.supervisorPersonId)) people.push(row.supervisorPersonId);
  }
  return result;
}
