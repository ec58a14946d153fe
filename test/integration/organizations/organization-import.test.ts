import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { EXPORT_OPERATION, sheetRecord } from "@scripts/org-sheets/export-sheet";
import { IMPORT_OPERATION } from "@scripts/org-sheets/import-sheet";
import { readSheet, SheetRowInput } from "@scripts/org-sheets/read-sheet";
import { SheetFormat, writeSheet } from "@scripts/org-sheets/write-sheet";
import { pinClock } from "@kit/clock";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { FilingEvent } from "@subgraphs/organizations/filing/filing-event.entity";
import { FilingRecord } from "@subgraphs/organizations/filing/filing-record.entity";
import { LeaderDependencySignalRow } from "@subgraphs/organizations/leader-dependency/leader-dependency-signal.entity";
import { Membership } from "@subgraphs/organizations/directory/membership.entity";
import { Organization } from "@subgraphs/organizations/directory/organization.entity";
import { Person } from "@subgraphs/organizations/directory/person.entity";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { LegalForm, MemberRole, OrgCategory, OrgForm, OrgStatus } from "@subgraphs/organizations/directory/directory.enums";
import { FilingStatus } from "@subgraphs/organizations/filing/filing.enums";
import { ANONYMOUS, PARTNER, TEST_DISTRICT, addFiling, addOrganization, addStreet, communityStaffOf, federationAdmin, rosterRoles, streetStaffOf } from "./fixtures";

// importFiledOrganizations on a subgraph over a real store: sheets read by the CLI's reader, sent signed. The rules run
// on a test street of their own (导入测试街道) with a filed team, a team waiting in the queue and a street next door;
// the tests that read the shipped demo sheet (filed-organizations.csv: 常青街道, 乐竹邻) run on a seeded store, named demo.
let subgraph: RunningSubgraph;
let demoSubgraph: RunningSubgraph;
beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph);
  demoSubgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
});
afterAll(async () => {
  await subgraph?.stop();
  await demoSubgraph?.stop();
  pinClock(null);
});

const DEMO_STREET = "340111X01";
const DEMO_CLERK: Partial<Claims> = { personId: "per_cq_street_clerk", roles: ["STREET_STAFF"], areaCodes: [DEMO_STREET] };
const FIXTURES = join(__dirname, "..", "..", "fixtures", "org-sheets");
const tmp = mkdtempSync(join(tmpdir(), "org-import-"));

let STREET = "", COMMUNITY = "", OTHER_STREET = "", OTHER_COMMUNITY = "";
let CLERK: Partial<Claims>;
// the filed team a sheet row updates: its number, name and the values it holds
const FILED_NO = "T-BA-2019-0087";
const FILED_NAME = "导入测试服务队";
let FILED_ID = "", QUEUED_ID = "";
beforeAll(async () => {
  const db = subgraph.db;
  ({ street: STREET, community: COMMUNITY } = await addStreet(db, "IMP", "导入测试街道"));
  ({ street: OTHER_STREET, community: OTHER_COMMUNITY } = await addStreet(db, "OTHER", "邻近测试街道"));
  CLERK = streetStaffOf(STREET, "per_t_imp_clerk");
  const filed = { legalForm: LegalForm.FILED, homeAreaCode: COMMUNITY, foundedOn: "2019-03-01", phones: true, members: 5, roles: rosterRoles(5) };
  FILED_ID = (await addOrganization(db, "filed", { ...filed, name: FILED_NAME, secondaryCategories: [OrgCategory.HARDSHIP_ASSISTANCE] })).orgId;
  await addFiling(db, "filed", FILED_ID, STREET, { status: FilingStatus.FILED, filingNo: FILED_NO, filedOn: "2019-06-01", declaredMemberCount: 21 });
  for (const i of [2, 3, 4]) {
    const { orgId } = await addOrganization(db, `filed${i}`, { ...filed, name: `导入测试${i}队` });
    await addFiling(db, `filed${i}`, orgId, STREET, { status: FilingStatus.FILED, filingNo: `T-BA-2020-000${i}`, filedOn: "2020-06-01", declaredMemberCount: 5 });
  }
  QUEUED_ID = (await addOrganization(db, "queued", { name: "导入测试书画社", homeAreaCode: COMMUNITY })).orgId;
  await addFiling(db, "queued", QUEUED_ID, STREET, { status: FilingStatus.SUBMITTED });
});

type Row = Partial<SheetRowInput>;
const importRows = (rows: Row[], options: { dryRun?: boolean; claims?: Partial<Claims>; street?: string; target?: RunningSubgraph } = {}) =>
  signedRequest((options.target ?? subgraph).url, IMPORT_OPERATION, { streetCode: options.street ?? STREET, rows, dryRun: options.dryRun ?? false }, options.claims ?? CLERK).then((r) => r.body);
const importDemoRows = (rows: Row[], options: { dryRun?: boolean } = {}) => importRows(rows, { ...options, street: DEMO_STREET, claims: DEMO_CLERK, target: demoSubgraph });

/** Row counts of every table an import writes: proof that nothing was. */
async function tableCounts() {
  const db = subgraph.db;
  return Promise.all([Organization, Person, Membership, FilingRecord, FilingEvent].map((entity) => db.getRepository(entity).count()));
}

let sequence = 500;
/** A good CREATE row under the test street's community with a fresh name and filing number. */
function goodRow(overrides: Row = {}): Row {
  sequence += 1;
  return {
    name: `导入测试队${sequence}`, orgForm: "队", category: "文体娱乐类", homeAreaCode: COMMUNITY, foundedOn: "2020-01-01",
    filingNo: `T-BA-2021-${sequence}`, filedOn: "2021-01-05", leaderFullName: "测某人", leaderPhone: "100-0000-4000", declaredMemberCount: "8", ...overrides,
  };
}
/** A row for the filed team (its number and name) with goodRow's other values: an UPDATE. */
const filedRow = () => goodRow({ filingNo: FILED_NO, name: FILED_NAME });

describe("a good sheet imports", () => {
  test("demo: the CSV fixture creates two filed organizations with leaders and updates 乐竹邻, all reported", async () => {
    const { rows } = await readSheet(join(FIXTURES, "filed-organizations.csv"));
    const { data, errors } = await importDemoRows(rows);
    expect(errors).toBeUndefined();
    const report = data.importFiledOrganizations;
    expect(report).toMatchObject({ street: { code: DEMO_STREET, name: "常青街道" }, written: true, created: 2, updated: 1, problemCount: 0 });
    expect(report.rows.map((r: { sheetRow: number; action: string; changedColumns: string[] }) => [r.sheetRow, r.action, r.changedColumns])).toEqual([
      [2, "CREATE", []],
      [3, "CREATE", []],
      [4, "UPDATE", ["declaredMemberCount"]],
    ]);
    expect(report.rows[2].organization).toEqual({ id: "org_lezhulin" });

    const choir = await demoSubgraph.db.getRepository(Organization).findOneByOrFail({ id: report.rows[0].organization.id });
    expect(choir).toMatchObject({ name: "竹西社区银龄合唱队", legalForm: LegalForm.FILED, status: OrgStatus.ACTIVE, orgForm: OrgForm.TEAM, category: OrgCategory.CULTURE_SPORTS, homeAreaCode: "340111X01C01", foundedOn: "2020-05-01" });
    const mutualAid = await demoSubgraph.db.getRepository(Organization).findOneByOrFail({ id: report.rows[1].organization.id });
    expect(mutualAid.secondaryCategories).toEqual([OrgCategory.VOLUNTEER_SERVICE, OrgCategory.HARDSHIP_ASSISTANCE]);

    const filing = await demoSubgraph.db.getRepository(FilingRecord).findOneByOrFail({ organizationId: choir.id });
    expect(filing).toMatchObject({ filingNo: "CQ-BA-2020-0101", authorityAreaCode: DEMO_STREET, status: FilingStatus.FILED, filedOn: "2020-09-15", declaredMemberCount: 15 });
    const events = await demoSubgraph.db.getRepository(FilingEvent).findBy({ filingId: filing.id });
    expect(events).toEqual([expect.objectContaining({ from: null, to: FilingStatus.FILED, actorPersonId: "per_cq_street_clerk", actorRole: "STREET_STAFF", comment: expect.stringContaining("row 2") })]);
    const [leadership] = await demoSubgraph.db.getRepository(Membership).findBy({ organizationId: choir.id });
    expect(leadership).toMatchObject({ role: MemberRole.LEADER, leftOn: null });
    expect(await demoSubgraph.db.getRepository(Person).findOneByOrFail({ id: leadership.personId })).toMatchObject({ fullName: "赵某兰", phone: "100-0000-3101" });
    // §3.9: a new organization with only its leader recorded depends on that leader
    expect(await demoSubgraph.db.getRepository(LeaderDependencySignalRow).findOneByOrFail({ organizationId: choir.id })).toMatchObject({ level: "HIGH" });

    const lezhulin = await demoSubgraph.db.getRepository(FilingRecord).findOneByOrFail({ organizationId: "org_lezhulin" });
    expect(lezhulin).toMatchObject({ filingNo: "CQ-BA-2019-0087", status: FilingStatus.FILED, declaredMemberCount: 21 });
    const lastEvent = (await demoSubgraph.db.getRepository(FilingEvent).find({ where: { filingId: lezhulin.id }, order: { at: "DESC" } }))[0];
    expect(lastEvent).toMatchObject({ from: FilingStatus.FILED, to: FilingStatus.FILED, comment: "Updated from the street's sheet (row 4): declaredMemberCount." });
  });

  test("an XLSX sheet with English headers, date cells and number cells imports the same way", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(["Name", "Org form", "Category", "Home area code", "Founded on", "Filing number", "Filed on", "Leader full name", "Leader phone", "Members"]);
    sheet.addRow(["导入测试书法组", "GROUP", "兴趣爱好", COMMUNITY, new Date(Date.UTC(2017, 2, 1)), "T-BA-2017-0301", new Date(Date.UTC(2017, 8, 1)), "冯某涛", 10000003301, 6]);
    const file = join(tmp, "english.xlsx");
    await workbook.xlsx.writeFile(file);

    const { rows } = await readSheet(file);
    expect(rows).toEqual([
      { sheetRow: 2, name: "导入测试书法组", orgForm: "GROUP", category: "兴趣爱好", homeAreaCode: COMMUNITY, foundedOn: "2017-03-01", filingNo: "T-BA-2017-0301", filedOn: "2017-09-01", leaderFullName: "冯某涛", leaderPhone: "10000003301", declaredMemberCount: "6" },
    ]);
    const { data, errors } = await importRows(rows);
    expect(errors).toBeUndefined();
    expect(data.importFiledOrganizations).toMatchObject({ written: true, created: 1, problemCount: 0 });
    const org = await subgraph.db.getRepository(Organization).findOneByOrFail({ name: "导入测试书法组" });
    expect(org).toMatchObject({ orgForm: OrgForm.GROUP, category: OrgCategory.HOBBY, foundedOn: "2017-03-01" });
  });
});

describe("nothing is written unless every row is right", () => {
  test("a sheet with one bad row writes nothing and reports that row, its columns and what to fix", async () => {
    const before = await tableCounts();
    // like the shipped one-bad-row.csv: a good row, then one with a community of another street, a slashed date, a short phone
    const file = join(tmp, "one-bad-row.csv");
    writeFileSync(file, [
      "Name,Org form,Category,Secondary categories,Home area code,Founded on,Filing number,Filed on,Leader full name,Leader phone,Declared member count,Charter URL",
      `导入测试太极队,TEAM,CULTURE_SPORTS,HOBBY,${COMMUNITY},2018-04-01,T-BA-2018-0201,2018-10-08,孙某平,100-0000-3201,9,`,
      `导入测试手工坊,组,兴趣爱好类,,${OTHER_COMMUNITY},2021/05/01,T-BA-2021-0202,2021-08-01,李某梅,12345,3,`,
    ].join("\n") + "\n");
    const { rows } = await readSheet(file);
    const { data, errors } = await importRows(rows);
    expect(errors).toBeUndefined();
    const report = data.importFiledOrganizations;
    expect(report).toMatchObject({ written: false, problemCount: 3 });
    expect(report.rows[0]).toMatchObject({ sheetRow: 2, action: "CREATE", problems: [] });
    expect(report.rows[1].sheetRow).toBe(3);
    expect(report.rows[1].problems.map((p: { column: string; value: string }) => [p.column, p.value])).toEqual([
      ["homeAreaCode", OTHER_COMMUNITY],
      ["foundedOn", "2021/05/01"],
      ["leaderPhone", "12345"],
    ]);
    expect(report.rows[1].problems[0].message).toBe(`邻近测试街道社区 (${OTHER_COMMUNITY}) is not under 导入测试街道; give the code of a community or compound of 导入测试街道 (${STREET}).`);
    expect(report.rows[1].problems[1].message).toContain("YYYY-MM-DD");
    expect(await tableCounts()).toEqual(before);
    expect(await subgraph.db.getRepository(Organization).countBy({ name: "导入测试太极队" })).toBe(0);
  });

  test("a dry run reports what it would do and writes nothing, even for a clean sheet", async () => {
    const before = await tableCounts();
    const row = goodRow();
    const { data, errors } = await importRows([row, filedRow()], { dryRun: true });
    expect(errors).toBeUndefined();
    expect(data.importFiledOrganizations).toMatchObject({ dryRun: true, written: false, created: 1, updated: 1, problemCount: 0 });
    expect(data.importFiledOrganizations.rows[0].organization).toBeNull();
    expect(data.importFiledOrganizations.rows[1].changedColumns).toEqual(["category", "secondaryCategories", "foundedOn", "filedOn", "leaderFullName", "leaderPhone", "declaredMemberCount", "charterUrl"]);
    expect(await tableCounts()).toEqual(before);
  });

  test("checking 60 rows runs as many SQL statements as checking 3: the checks read the store in batches", async () => {
    const statements = (rows: Row[]) => countStatements(subgraph.db, () => importRows(rows, { dryRun: true }));
    const few = await statements([goodRow(), goodRow(), filedRow()]);
    const many = await statements([...Array.from({ length: 59 }, () => goodRow()), filedRow()]);
    expect(many).toBe(few);
  });

  test("more than 500 rows is BAD_USER_INPUT; no rows too", async () => {
    const many = await importRows(Array.from({ length: 501 }, () => ({ name: "x" })), { dryRun: true });
    expect(many.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(many.errors?.[0].message).toContain("at most 500");
    const none = await importRows([]);
    expect(none.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("who may import", () => {
  test.each([
    ["community staff", () => communityStaffOf(COMMUNITY)],
    ["street staff of another street", () => streetStaffOf(OTHER_STREET, "per_t_other_clerk")],
    ["a partner", () => PARTNER],
    ["the anonymous public", () => ANONYMOUS],
  ] as [string, () => Partial<Claims>][])("%s gets FORBIDDEN naming who may, and nothing is written", async (_who, claims) => {
    const before = await tableCounts();
    const { errors } = await importRows([goodRow()], { claims: claims() });
    expect(errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(errors?.[0].message).toContain("street staff (STREET_STAFF) whose area covers the street, or federation admins (FEDERATION_ADMIN)");
    expect(await tableCounts()).toEqual(before);
  });

  test("a federation admin may import for any street; the event records the role", async () => {
    const admin = federationAdmin(["org_t_other_fed"], "per_t_fa");
    const { data, errors } = await importRows([goodRow({ name: "导入测试联合会导入队" })], { claims: admin });
    expect(errors).toBeUndefined();
    const orgId = data.importFiledOrganizations.rows[0].organization.id;
    const filing = await subgraph.db.getRepository(FilingRecord).findOneByOrFail({ organizationId: orgId });
    expect(await subgraph.db.getRepository(FilingEvent).findOneByOrFail({ filingId: filing.id })).toMatchObject({ actorPersonId: "per_t_fa", actorRole: "FEDERATION_ADMIN" });
  });

  test("street staff without a person may not import: the separation-of-duty check needs someone to check", async () => {
    const before = await tableCounts();
    const { errors } = await importRows([goodRow()], { claims: { roles: ["STREET_STAFF"], areaCodes: [STREET] } });
    expect(errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringContaining("sign in as a person") });
    expect(await tableCounts()).toEqual(before);
  });

  test("a code that is not a street is BAD_USER_INPUT; an unknown one NOT_FOUND", async () => {
    const admin: Partial<Claims> = { roles: ["FEDERATION_ADMIN"] };
    expect((await importRows([goodRow()], { claims: admin, street: TEST_DISTRICT })).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await importRows([goodRow()], { claims: admin, street: `${TEST_DISTRICT}S99` })).errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});

describe("the rules rows are checked against", () => {
  test("a filing number twice in the sheet is a problem on both rows, naming the other", async () => {
    const first = goodRow();
    const second = goodRow({ filingNo: first.filingNo!.toLowerCase() });
    const { data } = await importRows([{ ...first, sheetRow: 7 }, { ...second, sheetRow: 9 }]);
    const [a, b] = data.importFiledOrganizations.rows;
    expect(a.problems).toEqual([{ column: "filingNo", value: first.filingNo, message: "Also on row 9; each filing number may appear once." }]);
    expect(b.problems).toEqual([{ column: "filingNo", value: second.filingNo, message: "Also on row 7; each filing number may appear once." }]);
    expect(data.importFiledOrganizations.written).toBe(false);
  });

  test("a number the street already gave an organization that is no longer FILED is never reused", async () => {
    const gone = await addOrganization(subgraph.db, "gone", {
      name: "导入测试旧舞蹈队", legalForm: LegalForm.FILED, category: OrgCategory.CULTURE_SPORTS, status: OrgStatus.DEREGISTERED, foundedOn: "2015-01-01", homeAreaCode: COMMUNITY, members: 0,
    });
    await addFiling(subgraph.db, "gone", gone.orgId, STREET, {
      status: FilingStatus.DEREGISTERED, filingNo: "T-BA-2015-0009", submittedAt: null, filedOn: "2015-03-01", declaredMemberCount: 5, charterDocumentUrl: null,
    });
    const { data } = await importRows([goodRow({ filingNo: "T-BA-2015-0009", name: "导入测试旧舞蹈队" })]);
    const [row] = data.importFiledOrganizations.rows;
    expect(row.action).toBe("UPDATE");
    // a deregistered organization's name is free again (§3.1); its number is not
    expect(row.problems).toEqual([
      { column: "filingNo", value: "T-BA-2015-0009", message: "导入测试旧舞蹈队 holds this number and its filing is DEREGISTERED; only FILED organizations are updated by import, and numbers are never reused." },
    ]);
  });

  test("names are unique under the street, case- and width-folded, among organizations not deregistered", async () => {
    const { data } = await importRows([goodRow({ name: "导入测试书画社" }), goodRow({ name: "ＡＢＣ舞蹈队" }), goodRow({ name: "abc 舞蹈队" })]);
    const [queued, wide, narrow] = data.importFiledOrganizations.rows;
    expect(queued.problems[0]).toMatchObject({ column: "name", message: expect.stringContaining(`already has an organization named "导入测试书画社" (${QUEUED_ID})`) });
    expect(wide.problems).toEqual([{ column: "name", value: "ＡＢＣ舞蹈队", message: "Also on row 4; each organization may appear once." }]);
    expect(narrow.problems[0].message).toBe("Also on row 3; each organization may appear once.");
  });

  test("the home area must be a community or compound under the street", async () => {
    const { data } = await importRows([goodRow({ homeAreaCode: OTHER_COMMUNITY }), goodRow({ homeAreaCode: STREET }), goodRow({ homeAreaCode: `${STREET}C77` })]);
    const messages = data.importFiledOrganizations.rows.map((r: { problems: { column: string; message: string }[] }) => r.problems.map((p) => `${p.column}: ${p.message}`));
    expect(messages).toEqual([
      [`homeAreaCode: 邻近测试街道社区 (${OTHER_COMMUNITY}) is not under 导入测试街道; give the code of a community or compound of 导入测试街道 (${STREET}).`],
      [`homeAreaCode: That is the street itself; give the code of a community or compound of 导入测试街道 (${STREET}).`],
      [`homeAreaCode: No area has the code "${STREET}C77"; give the code of a community or compound of 导入测试街道 (${STREET}).`],
    ]);
  });

  test("demo: a new leader's name on an UPDATE makes the named member leader and keeps the former one as DEPUTY", async () => {
    const { rows } = await readSheet(join(FIXTURES, "filed-organizations.csv"));
    const lezhulin = { ...rows[2], leaderFullName: "王某华", leaderPhone: undefined };
    const { data, errors } = await importDemoRows([lezhulin]);
    expect(errors).toBeUndefined();
    expect(data.importFiledOrganizations.rows[0].changedColumns).toEqual(["leaderFullName"]);
    const memberships = await demoSubgraph.db.getRepository(Membership).findBy({ organizationId: "org_lezhulin" });
    const current = memberships.filter((m) => m.leftOn === null && ["per_lzl_deputy", "per_zhang_leader"].includes(m.personId)).map((m) => [m.personId, m.role]).sort();
    expect(memberships.filter((m) => m.leftOn === null && m.role === MemberRole.LEADER)).toHaveLength(1);
    expect(current).toEqual([
      ["per_lzl_deputy", MemberRole.LEADER],
      ["per_zhang_leader", MemberRole.DEPUTY],
    ]);
  });
});

describe("export → import round trip", () => {
  const exportAs = async (claims: Partial<Claims>, language: "zh" | "en" = "zh", demo = false) => {
    const [target, street] = demo ? [demoSubgraph, DEMO_STREET] : [subgraph, STREET];
    const { body } = await signedRequest(target.url, EXPORT_OPERATION, { street, after: null }, claims);
    expect(body.errors).toBeUndefined();
    return body.data.organizations.nodes.filter((o: { filing: { authority: { code: string } } }) => o.filing.authority.code === street).map((o: never) => sheetRecord(o, language));
  };

  test.each(["csv", "xlsx"] as SheetFormat[])("a street clerk's %s export imports back (dry run) as UPDATE of every row, changing nothing", async (format) => {
    const records = await exportAs(CLERK, format === "csv" ? "zh" : "en");
    expect(records.length).toBeGreaterThanOrEqual(4);
    const file = join(tmp, `export.${format}`);
    await writeSheet(file, format, records, format === "csv" ? "zh" : "en");
    const { rows } = await readSheet(file);
    const { data, errors } = await importRows(rows, { dryRun: true });
    expect(errors).toBeUndefined();
    const report = data.importFiledOrganizations;
    expect(report).toMatchObject({ created: 0, updated: records.length, problemCount: 0, written: false });
    for (const row of report.rows) expect([row.action, row.changedColumns, row.problems]).toEqual(["UPDATE", [], []]);
  });

  test("demo: a partner's export masks leaders' names and leaves out their phones; such a sheet cannot overwrite the real names", async () => {
    const records = await exportAs(PARTNER, "zh", true);
    const lezhulin = records.find((r: { filingNo: string }) => r.filingNo === "CQ-BA-2019-0087");
    expect(lezhulin).toMatchObject({ name: "乐竹邻志愿服务队", leaderFullName: "王*华", leaderPhone: "", charterUrl: "" });
    expect(records.every((r: { leaderPhone: string; leaderFullName: string }) => r.leaderPhone === "" && r.leaderFullName.includes("*"))).toBe(true);
    const { data } = await importDemoRows([{ ...lezhulin, sheetRow: 2 }], { dryRun: true });
    expect(data.importFiledOrganizations.rows[0].problems).toContainEqual({ column: "leaderFullName", value: "王*华", message: "The name is masked; export the sheet as staff of the street to get full names." });
  });
});
