import { DataSource } from "typeorm";
import { startOfBusinessDay } from "../../subgraphs/kit/clock";
import type { DataKind } from "./stores";

/**
 * Who and what the read operations ask about. The demo's are its fixed records (DOMAIN §10); over the synthetic
 * dataset they are picked from the stores the way a busy deployment would see them: the community with the most
 * organizations, a leader of one of them, the social worker with the most organizations, the facility with the
 * most bookings on the day asked.
 */
export interface BenchSubjects {
  community: string;
  leader: { personId: string; organizationId: string };
  /** A supervisor's token lists their agency and the organizations assigned to them (DOMAIN §9.1, SUP). */
  supervisor: { personId: string; agencyOrgId: string; supervisedOrgIds: string[] };
  facilityId: string;
  /** The day Q1 and Q15 ask about: "next Tuesday" from the demo's today. */
  day: string;
}

export const DEMO_SUBJECTS: BenchSubjects = {
  community: "340111X01C01",
  leader: { personId: "per_zhang_leader", organizationId: "org_lezhulin" },
  supervisor: { personId: "per_shen_worker", agencyOrgId: "org_shichuang", supervisedOrgIds: ["org_jiaqiao"] },
  facilityId: "fac_zx_center",
  day: "2022-03-15",
};

async function one<T>(db: DataSource, sql: string, parameters: unknown[], what: string): Promise<T> {
  const [row] = (await db.query(sql, parameters)) as T[];
  if (!row) throw new Error(`the synthetic dataset has no ${what}`);
  return row;
}

/** The subjects of a dataset, read from the organizations and venues stores it was loaded into. */
export async function benchSubjects(data: DataKind, stores: { organizations: DataSource; venues: DataSource }): Promise<BenchSubjects> {
  const { organizations, venues } = stores;
  if (data === "demo") return { ...DEMO_SUBJECTS, supervisor: await withAssignments(organizations, DEMO_SUBJECTS.supervisor) };
  const day = DEMO_SUBJECTS.day;
  const { community } = await one<{ community: string }>(
    organizations,
    "SELECT homeAreaCode AS community FROM organizations GROUP BY homeAreaCode ORDER BY COUNT(*) DESC, homeAreaCode LIMIT 1",
    [],
    "organization",
  );
  const leader = await one<{ personId: string; organizationId: string }>(
    organizations,
    "SELECT m.personId AS personId, m.organizationId AS organizationId FROM memberships m JOIN organizations o ON o.id = m.organizationId WHERE o.homeAreaCode = ? AND m.role = 'LEADER' AND m.leftOn IS NULL ORDER BY m.organizationId LIMIT 1",
    [community],
    "leader in the busiest community",
  );
  const busiest = await one<{ personId: string; agencyOrgId: string }>(
    organizations,
    "SELECT supervisorPersonId AS personId, agencyOrgId FROM supervision_assignments WHERE until IS NULL GROUP BY supervisorPersonId, agencyOrgId ORDER BY COUNT(*) DESC, supervisorPersonId LIMIT 1",
    [],
    "supervision assignment",
  );
  const supervisor = await withAssignments(organizations, busiest);
  const from = startOfBusinessDay(day);
  const to = new Date(from.getTime() + 24 * 3600_000);
  const { facilityId } = await one<{ facilityId: string }>(
    venues,
    "SELECT r.facilityId AS facilityId FROM bookings b JOIN rooms r ON r.id = b.roomId WHERE b.startsAt >= ? AND b.startsAt < ? GROUP BY r.facilityId ORDER BY COUNT(*) DESC, r.facilityId LIMIT 1",
    [toSqlTime(venues, from), toSqlTime(venues, to)],
    `booking on ${day}`,
  );
  return { community, leader, supervisor, facilityId, day };
}

/** The organizations currently assigned to a supervisor, for their token. */
async function withAssignments(db: DataSource, supervisor: { personId: string; agencyOrgId: string }): Promise<BenchSubjects["supervisor"]> {
  const rows = (await db.query("SELECT organizationId FROM supervision_assignments WHERE supervisorPersonId = ? AND until IS NULL ORDER BY organizationId", [supervisor.personId])) as { organizationId: string }[];
  if (!rows.length) throw new Error(`${supervisor.personId} supervises no organization: Q7 would ask about nothing`);
  return { ...supervisor, supervisedOrgIds: rows.map((r) => r.organizationId) };
}

// SQLite keeps TypeORM datetimes as UTC text; mysql2 binds a Date in the connection's zone (UTC here)
function toSqlTime(db: DataSource, at: Date): Date | string {
  return db.options.type === "better-sqlite3" ? at.toISOString().replace("T", " ").replace("Z", "") : at;
}
