import { In, IsNull, Not } from "typeorm";
import { HubContext } from "../../kit/context";
import { AreaFact, CurrentOrg, FilingFact, filingNoKey, ImportFacts, nameKey, SheetRow } from "./organization-import.rules";
import { Area, MemberRole, Membership, Organization, OrgStatus, Person } from "../directory";
import { FilingRecord } from "../filing";

// What the import checks read from the store: a fixed number of statements whatever the number of rows.

const areaFact = (area: Area): AreaFact => ({ code: area.code, name: area.name, path: area.path });

/** The street's areas, filings and names that the sheet's rows are checked against (§3.1, §3.5). */
export async function loadImportFacts(ctx: HubContext, street: Area, rows: readonly SheetRow[], today: string): Promise<ImportFacts> {
  const codes = [...new Set(rows.map((r) => r.homeAreaCode?.trim()).filter((c): c is string => !!c && c.length <= 20))];
  const areas = codes.length ? await ctx.db.getRepository(Area).findBy({ code: In(codes) }) : [];

  const wanted = new Set(rows.map((r) => r.filingNo?.trim()).filter((n): n is string => !!n).map(filingNoKey));
  const numbered = await ctx.db.getRepository(FilingRecord).find({
    select: { id: true, organizationId: true, filingNo: true, status: true },
    where: { authorityAreaCode: street.code, filingNo: Not(IsNull()) },
  });
  const matched = numbered.filter((f) => wanted.has(filingNoKey(f.filingNo!)));
  const owners = matched.length ? await ctx.db.getRepository(Organization).find({ select: { id: true, name: true }, where: { id: In(matched.map((f) => f.organizationId)) } }) : [];
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const filings = new Map<string, FilingFact>(
    matched.map((f) => [filingNoKey(f.filingNo!), { filingId: f.id, organizationId: f.organizationId, organizationName: ownerName.get(f.organizationId) ?? f.organizationId, status: f.status }]),
  );

  // §3.1: under the same authority = homed in the street's subtree or filed with it
  const query = ctx.db.getRepository(Organization).createQueryBuilder("o").select(["o.id", "o.name"]);
  const homed = query.subQuery().select("a.code").from(Area, "a").where("a.path LIKE :streetPath").getQuery();
  const filed = query.subQuery().select("f.organizationId").from(FilingRecord, "f").where("f.authorityAreaCode = :street").getQuery();
  const named = await query
    .where("o.status <> :deregistered", { deregistered: OrgStatus.DEREGISTERED })
    .andWhere(`(o.homeAreaCode IN ${homed} OR o.id IN ${filed})`, { streetPath: `${street.path}%`, street: street.code })
    .getMany();
  const names = new Map<string, { organizationId: string; name: string }[]>();
  for (const org of named) names.set(nameKey(org.name), [...(names.get(nameKey(org.name)) ?? []), { organizationId: org.id, name: org.name }]);

  return { today, street: areaFact(street), areas: new Map(areas.map((a) => [a.code, areaFact(a)])), filings, names };
}

/** An organization an UPDATE row targets, with its active members as the leader change needs them. */
export interface ImportTarget {
  organization: Organization;
  filing: FilingRecord;
  current: CurrentOrg;
  active: (Membership & { fullName: string; phone: string | null })[];
}

/** The organizations, filings and active members of the UPDATE rows, by organization id. */
export async function loadImportTargets(ctx: HubContext, organizationIds: readonly string[]): Promise<Map<string, ImportTarget>> {
  const ids = [...new Set(organizationIds)];
  if (!ids.length) return new Map();
  const orgs = await ctx.db.getRepository(Organization).findBy({ id: In(ids) });
  const filings = await ctx.db.getRepository(FilingRecord).findBy({ organizationId: In(ids) });
  const members = await ctx.db.getRepository(Membership).find({ where: { organizationId: In(ids), leftOn: IsNull() }, order: { joinedOn: "ASC", id: "ASC" } });
  const people = members.length ? await ctx.db.getRepository(Person).findBy({ id: In([...new Set(members.map((m) => m.personId))]) }) : [];
  const personOf = new Map(people.map((p) => [p.id, p]));
  const targets = new Map<string, ImportTarget>();
  for (const organization of orgs) {
    const filing = filings.find((f) => f.organizationId === organization.id)!;
    const active = members
      .filter((m) => m.organizationId === organization.id)
      .map((m) => ({ ...m, fullName: personOf.get(m.personId)?.fullName ?? "", phone: personOf.get(m.personId)?.phone ?? null }));
    const leader = active.find((m) => m.role === MemberRole.LEADER) ?? null;
    const current: CurrentOrg = {
      name: organization.name,
      orgForm: organization.orgForm,
      category: organization.category,
      secondaryCategories: organization.secondaryCategories,
      homeAreaCode: organization.homeAreaCode,
      foundedOn: organization.foundedOn,
      filedOn: filing.filedOn ?? "",
      declaredMemberCount: filing.declaredMemberCount,
      charterUrl: filing.charterDocumentUrl,
      leaderFullName: leader?.fullName ?? null,
      leaderPhone: leader?.phone ?? null,
    };
    targets.set(organization.id, { organization, filing, current, active });
  }
  return targets;
}
