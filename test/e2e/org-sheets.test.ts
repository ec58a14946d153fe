import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { CliIo } from "@scripts/org-sheets/cli";
import { runOrgsExport } from "@scripts/orgs-export";
import { runOrgsImport } from "@scripts/orgs-import";
import { pinClock } from "@kit/clock";
import { startTestHub, TestHub } from "../support/hub";

// npm run orgs:import / orgs:export as a street clerk runs them, through the real gateway (their functions, not npm).
let hub: TestHub;
let clerk: string;
let partner: string;
beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  hub = await startTestHub();
  clerk = await hub.token({ sub: "per_cq_street_clerk", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] });
  partner = await hub.token({ roles: ["PARTNER"] });
});
afterAll(async () => {
  await hub?.stop();
  pinClock(null);
});

const FIXTURES = join(__dirname, "..", "fixtures", "org-sheets");
const tmp = mkdtempSync(join(tmpdir(), "org-sheets-"));

/** Runs a CLI function and returns its exit status and what it printed. */
async function run(cli: (argv: string[], io: CliIo) => Promise<number>, args: string[], token = clerk) {
  let out = "";
  let err = "";
  const status = await cli([...args, "--gateway", hub.gateway.url, "--token", token], { out: (t) => (out += t), err: (t) => (err += t) });
  return { status, out, err };
}

/** The street's FILED organizations as the clerk sees them through the gateway. */
async function filedNames(): Promise<string[]> {
  const { body } = await hub.query(`{ organizations(filter: { areaCode: "340111X01", filingStatus: [FILED] }, first: 100) { nodes { name } } }`, {}, clerk);
  return body.data.organizations.nodes.map((o: { name: string }) => o.name).sort();
}

test("--help shows the accepted headers in Chinese and English", async () => {
  const { status, out } = await run(runOrgsImport, ["--help"]);
  expect(status).toBe(0);
  expect(out).toContain("备案编号 | Filing number");
  expect(out).toContain("负责人电话 | Leader phone");
});

test("a dry run of a good sheet reports each row and writes nothing; the real run imports it", async () => {
  const before = await filedNames();
  const file = join(FIXTURES, "filed-organizations.csv");
  const dry = await run(runOrgsImport, ["--file", file, "--street", "340111X01", "--dry-run"]);
  expect(dry).toMatchObject({ status: 0, err: "" });
  expect(dry.out.split("\n")).toEqual(
    expect.arrayContaining([
      "常青街道 (340111X01): 3 row(s), 2 to create, 1 to update.",
      "  row 2    CREATE 竹西社区银龄合唱队 [CQ-BA-2020-0101]",
      "  row 4    UPDATE 乐竹邻志愿服务队 [CQ-BA-2019-0087]: changes 备案成员人数",
      "Dry run: the sheet can be imported as it is; nothing was written. Run again without --dry-run to import it.",
    ]),
  );
  expect(await filedNames()).toEqual(before);

  const real = await run(runOrgsImport, ["--file", file, "--street", "340111X01"]);
  expect(real.status).toBe(0);
  expect(real.out).toContain("Imported: 2 created, 1 updated.");
  expect(await filedNames()).toEqual([...before, "竹西社区银龄合唱队", "竹西社区睦邻互助社"].sort());
  const { body } = await hub.query(
    `{ organizations(filter: { search: "银龄合唱" }) { nodes { legalForm status filing { filingNo status filedOn } leader { person { fullName phone } } } } }`,
    {},
    clerk,
  );
  expect(body.data.organizations.nodes).toEqual([
    { legalForm: "FILED", status: "ACTIVE", filing: { filingNo: "CQ-BA-2020-0101", status: "FILED", filedOn: "2020-09-15" }, leader: { person: { fullName: "赵某兰", phone: "100-0000-3101" } } },
  ]);
});

test("a sheet with one bad row imports nothing and says, per row and column, what to fix (exit 1)", async () => {
  const before = await filedNames();
  const { status, out } = await run(runOrgsImport, ["--file", join(FIXTURES, "one-bad-row.csv"), "--street", "340111X01"]);
  expect(status).toBe(1);
  expect(out).toContain("  row 3    CREATE 竹西社区手工坊 [CQ-BA-2021-0202]  ✗ 3 problem(s)");
  expect(out).toContain('      row 3, Home area code "340104Z01C01": 蜀麓苑社区 (340104Z01C01) is not under 常青街道;');
  expect(out).toContain('      row 3, Founded on "2021/05/01": "2021/05/01" is not a date; write it as YYYY-MM-DD');
  expect(out).toContain('      row 3, Leader phone "12345": "12345" is not a phone number;');
  expect(out).toContain("Nothing was imported: fix the 3 problem(s) in 1 row(s) and run again.");
  expect(await filedNames()).toEqual(before);
});

test("a clerk's XLSX export shows full names and phones, and imports back as UPDATE of every row with no changes", async () => {
  const out = join(tmp, "cq.xlsx");
  const exported = await run(runOrgsExport, ["--street", "340111X01", "--out", out]);
  expect(exported.status).toBe(0);
  expect(exported.out).toMatch(/^常青街道 \(340111X01\): 3 filed organization\(s\) written to .*cq\.xlsx\.\n$/);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const rows = workbook.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
  expect(rows[0]).toEqual(["名称", "组织形式", "主类别", "次要类别", "所在社区代码", "成立日期", "备案编号", "备案日期", "负责人姓名", "负责人电话", "备案成员人数", "章程链接"]);
  expect(rows).toContainEqual(["乐竹邻志愿服务队", "队", "困难帮扶类", "志愿服务类", "340111X01C01", "2019-10-01", "CQ-BA-2019-0087", "2019-12-20", "张某琴", "100-0000-0001", 21, "https://docs.hub.example/charters/org_lezhulin.pdf"]);

  const back = await run(runOrgsImport, ["--file", out, "--street", "340111X01", "--dry-run"]);
  expect(back.status).toBe(0);
  const rowLines = back.out.split("\n").filter((line) => line.startsWith("  row "));
  expect(rowLines).toHaveLength(3);
  for (const line of rowLines) expect(line).toMatch(/UPDATE .*: no changes$/);
});

test("a partner's CSV export masks leaders' names and has no phones; a partner may not import", async () => {
  const out = join(tmp, "partner.csv");
  const exported = await run(runOrgsExport, ["--street", "340111X01", "--format", "csv", "--out", out], partner);
  expect(exported.status).toBe(0);
  expect(exported.out).toContain("Leaders' phones are not shown to this caller.");
  const lines = readFileSync(out, "utf8").replace(/^\uFEFF/, "").trim().split("\n");
  expect(lines).toHaveLength(4);
  expect(lines.find((l) => l.startsWith("乐竹邻志愿服务队"))).toBe("乐竹邻志愿服务队,队,困难帮扶类,志愿服务类,340111X01C01,2019-10-01,CQ-BA-2019-0087,2019-12-20,张*琴,,21,");

  const refused = await run(runOrgsImport, ["--file", out, "--street", "340111X01"], partner);
  expect(refused.status).toBe(1);
  expect(refused.err).toContain("The hub refused the import (FORBIDDEN): Importing filed organizations is for street staff (STREET_STAFF) whose area covers the street");
});

test("a file that is not a sheet, or missing arguments, is a usage error (exit 2) and nothing is sent", async () => {
  const notSheet = await run(runOrgsImport, ["--file", join(tmp, "notes.txt"), "--street", "340111X01"]);
  expect(notSheet).toMatchObject({ status: 2, err: expect.stringContaining("give a .csv or .xlsx file") });
  const noStreet = await run(runOrgsExport, ["--format", "pdf"]);
  expect(noStreet).toMatchObject({ status: 2, err: expect.stringContaining("Give --street.") });
});
