import { EntityManager, IsNull } from "typeorm";
import { ConflictError } from "../../../platform/errors";
import { newId } from "../../kit/ids";
import { ImportColumn, leaderHandover, nameKey, OrgRowValues } from "./organization-import.rules";
import { MembershipPlan } from "../membership-change";
import { FilingEvent, FilingRecord, FilingStatus } from "../filing";
import { LegalForm, MemberRole, Membership, Organization, OrgStatus, Person } from "../directory";
import { ImportTarget } from "./organization-import.facts";
import { recomputeLeaderDependency } from "../leader-dependency";
import { emitEligibilityChanged } from "../federation-membership";

/** Who imports, as the filing events record it. */
export interface ImportActor {
  personId: string | null;
  role: "STREET_STAFF" | "FEDERATION_ADMIN";
  at: Date;
  today: string;
}

/** A row to write: a new organization, or changes to a target. */
export type ImportWrite =
  | { sheetRow: number; kind: "CREATE"; values: OrgRowValues; organizationId: string }
  | { sheetRow: number; kind: "UPDATE"; values: OrgRowValues; target: ImportTarget; changed: ImportColumn[] };

const event = (filingId: string, actor: ImportActor, from: FilingStatus | null, comment: string): FilingEvent => ({
  id: newId("FilingEvent"),
  filingId,
  at: actor.at,
  from,
  to: FilingStatus.FILED,
  actorPersonId: actor.personId,
  actorRole: actor.role,
  comment,
});

const person = (fullName: string, phone: string | null): Person => ({ id: newId("Person"), fullName, phone, birthYear: null, residentAreaCode: null, consentPublicName: false });

/** Inserts of the CREATE rows, table by table: a filed organization with its leader, filing and import event. */
async function create(tx: EntityManager, rows: Extract<ImportWrite, { kind: "CREATE" }>[], actor: ImportActor, authorityAreaCode: string): Promise<void> {
  if (!rows.length) return;
  const orgs: Organization[] = [];
  const people: Person[] = [];
  const memberships: Membership[] = [];
  const filings: FilingRecord[] = [];
  const events: FilingEvent[] = [];
  for (const { sheetRow, values: v, organizationId } of rows) {
    orgs.push({
      id: organizationId, name: v.name, legalForm: LegalForm.FILED, orgForm: v.orgForm, category: v.category, secondaryCategories: v.secondaryCategories,
      hubType: null, status: OrgStatus.ACTIVE, foundedOn: v.foundedOn, homeAreaCode: v.homeAreaCode, serviceAreaCodes: [], unifiedSocialCreditCode: null,
    });
    const leader = person(v.leaderFullName, v.leaderPhone);
    people.push(leader);
    memberships.push({ id: newId("Membership"), organizationId, personId: leader.id, role: MemberRole.LEADER, joinedOn: v.foundedOn ?? v.filedOn, leftOn: null });
    // filed on paper before the hub knew it: the §8.1 guards, the declared venue among them, were met then
    const filing: FilingRecord = {
      id: newId("FilingRecord"), organizationId, filingNo: v.filingNo, authorityAreaCode, status: FilingStatus.FILED, submittedAt: null,
      filedOn: v.filedOn, declaredMemberCount: v.declaredMemberCount, charterDocumentUrl: v.charterUrl, venueDeclared: true,
    };
    filings.push(filing);
    events.push(event(filing.id, actor, null, `Imported from the street's sheet (row ${sheetRow}); filed on ${v.filedOn}.`));
  }
  // one statement per table and chunk: SQLite allows a bounded number of parameters per statement
  for (let i = 0; i < rows.length; i += 100) {
    await tx.getRepository(Organization).insert(orgs.slice(i, i + 100));
    await tx.getRepository(Person).insert(people.slice(i, i + 100));
    await tx.getRepository(Membership).insert(memberships.slice(i, i + 100));
    await tx.getRepository(FilingRecord).insert(filings.slice(i, i + 100));
    await tx.getRepository(FilingEvent).insert(events.slice(i, i + 100));
  }
}

async function applyPlan(tx: EntityManager, organizationId: string, plan: MembershipPlan): Promise<void> {
  for (const { id, on } of plan.close) {
    const closed = await tx.getRepository(Membership).update({ id, leftOn: IsNull() }, { leftOn: on });
    if (closed.affected !== 1) throw new ConflictError("A membership changed meanwhile; run the import again.", { id });
  }
  const opened = plan.open.map(({ personId, role, from }) => ({ id: newId("Membership"), organizationId, personId, role, joinedOn: from, leftOn: null }));
  if (opened.length) await tx.getRepository(Membership).insert(opened);
}

/** The leader column: same person (maybe a new phone), an active member promoted, or a new person (§3.2 handover). */
async function changeLeader(tx: EntityManager, row: Extract<ImportWrite, { kind: "UPDATE" }>, today: string): Promise<void> {
  const { values: v, target } = row;
  const leader = target.active.find((m) => m.role === MemberRole.LEADER);
  if (!row.changed.includes("leaderFullName")) {
    if (leader && row.changed.includes("leaderPhone")) await tx.getRepository(Person).update({ id: leader.personId }, { phone: v.leaderPhone });
    return;
  }
  const namesakes = target.active.filter((m) => nameKey(m.fullName) === nameKey(v.leaderFullName));
  const member = namesakes.find((m) => v.leaderPhone !== null && m.phone === v.leaderPhone) ?? namesakes[0];
  let personId = member?.personId;
  if (!personId) {
    const added = person(v.leaderFullName, v.leaderPhone);
    await tx.getRepository(Person).insert(added);
    personId = added.id;
  } else if (v.leaderPhone !== null && member.phone !== v.leaderPhone) await tx.getRepository(Person).update({ id: personId }, { phone: v.leaderPhone });
  await applyPlan(tx, target.organization.id, leaderHandover(target.active, personId, today));
}

/** One UPDATE row: the organization, its filing (only while still FILED) and its leader, with an event naming the columns. */
async function update(tx: EntityManager, row: Extract<ImportWrite, { kind: "UPDATE" }>, actor: ImportActor): Promise<void> {
  const { values: v, target, changed } = row;
  if (!changed.length) return;
  await tx.getRepository(Organization).update(
    { id: target.organization.id },
    { name: v.name, orgForm: v.orgForm, category: v.category, secondaryCategories: v.secondaryCategories, homeAreaCode: v.homeAreaCode, foundedOn: v.foundedOn },
  );
  // compare-and-set: a filing suspended or deregistered since the check is not silently rewritten
  const filed = await tx
    .createQueryBuilder()
    .update(FilingRecord)
    .set({ filedOn: v.filedOn, declaredMemberCount: v.declaredMemberCount, charterDocumentUrl: v.charterUrl })
    .where("id = :id AND status = :filed", { id: target.filing.id, filed: FilingStatus.FILED })
    .execute();
  if (filed.affected !== 1) throw new ConflictError(`The filing of ${target.organization.name} changed meanwhile; run the import again.`, { state: target.filing.status });
  await changeLeader(tx, row, actor.today);
  await tx.getRepository(FilingEvent).insert(event(target.filing.id, actor, FilingStatus.FILED, `Updated from the street's sheet (row ${row.sheetRow}): ${changed.join(", ")}.`));
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  return code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** Writes every row in one transaction and recomputes the §3.9 signal of each organization it touched. */
export async function writeImport(tx: EntityManager, rows: ImportWrite[], actor: ImportActor, authorityAreaCode: string, requestId: string | null): Promise<void> {
  try {
    await create(tx, rows.filter((r): r is Extract<ImportWrite, { kind: "CREATE" }> => r.kind === "CREATE"), actor, authorityAreaCode);
    for (const row of rows) if (row.kind === "UPDATE") await update(tx, row, actor);
  } catch (error) {
    // the (authority, filingNo) index: another import or approval took a number between the check and the write
    if (isUniqueViolation(error)) throw new ConflictError("A filing number on the sheet was taken meanwhile; run the import again to see which.");
    throw error;
  }
  const touched = rows.filter((r) => r.kind === "CREATE" || r.changed.length).map((r) => (r.kind === "CREATE" ? r.organizationId : r.target.organization.id));
  await recomputeLeaderDependency(tx, touched);
  // a new organization is FILED and ACTIVE: venues may let it book at once (issue 11); updates change neither
  await emitEligibilityChanged(tx, rows.flatMap((r) => (r.kind === "CREATE" ? [r.organizationId] : [])), requestId);
}
