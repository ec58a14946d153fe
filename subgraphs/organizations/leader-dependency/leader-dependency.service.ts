import { EntityManager, In, IsNull, MoreThanOrEqual, Not } from "typeorm";
import { businessDate, now } from "../../kit/clock";
import { DAY_MS } from "../../kit/days";
import { leaderDependency } from "./leader-dependency.rules";
import { LeaderDependencySignalRow } from "./leader-dependency-signal.entity";
import { MemberCertificate } from "./member-certificate.entity";
import { Membership, Person } from "../directory";
import { ServiceActivity, VerificationStatus } from "../activities";
import { RiskLevel } from "./leader-dependency.type";

/**
 * Recomputes and stores the §3.9 signal of some organizations inside the caller's transaction: called by every
 * write that changes memberships, activities or certificates, so the stored level (which lists filter on) is never
 * stale. Five statements at most whatever the number of organizations.
 */
export async function recomputeLeaderDependency(manager: EntityManager, organizationIds: readonly string[]): Promise<void> {
  const ids = [...new Set(organizationIds)];
  if (!ids.length) return;
  const at = now();
  const members = await manager.find(Membership, { where: { organizationId: In(ids), leftOn: IsNull() } });
  const personIds = [...new Set(members.map((m) => m.personId))];
  const people = personIds.length ? await manager.find(Person, { where: { id: In(personIds) }, select: { id: true, birthYear: true } }) : [];
  const birthYears = new Map(people.map((p) => [p.id, p.birthYear]));
  const activities = await manager.find(ServiceActivity, {
    where: { organizationId: In(ids), supersededById: IsNull(), verification: Not(VerificationStatus.REJECTED), startsAt: MoreThanOrEqual(new Date(at.getTime() - 365 * DAY_MS)) },
    select: { organizationId: true, leadOrganizerId: true, startsAt: true },
  });
  const certified = personIds.length ? await manager.find(MemberCertificate, { where: { personId: In(personIds) }, select: { personId: true } }) : [];
  const certifiedPersonIds = new Set(certified.map((c) => c.personId));
  const year = Number(businessDate(at).slice(0, 4));
  const rows = ids.map((organizationId) => {
    const signal = leaderDependency({
      members: members.filter((m) => m.organizationId === organizationId).map((m) => ({ personId: m.personId, role: m.role, birthYear: birthYears.get(m.personId) ?? null })),
      leadOrganizers: activities.filter((a) => a.organizationId === organizationId && a.startsAt <= at).map((a) => a.leadOrganizerId),
      certifiedPersonIds,
      year,
    });
    return { organizationId, level: signal.level as RiskLevel, score: signal.score, factors: signal.factors, computedAt: at };
  });
  await manager.upsert(LeaderDependencySignalRow, rows, ["organizationId"]);
}
