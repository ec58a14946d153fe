import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { EXPORT_OPERATION, sheetRecord } from "@scripts/org-sheets/export-sheet";
import { IMPORT_OPERATION } from "@scripts/org-sheets/import-sheet";
import { readSheet } from "@scripts/org-sheets/read-sheet";
import { SheetFormat, writeSheet } from "@scripts/org-sheets/write-sheet";
import { pinClock } from "@kit/clock";
import { RunningSubgraph } from "@kit/server";
import { signedRequest, startTestSubgraph } from "@kit/testing";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { LegalForm } from "@subgraphs/organizations/directory/directory.enums";
import { FilingStatus } from "@subgraphs/organizations/filing/filing.enums";
import { addFiling, addOrganization, addStreet, rosterRoles, streetStaffOf } from "./fixtures";

// A name a spreadsheet would run as a formula, exported by a street clerk and read back: text all the way.
let subgraph: RunningSubgraph;
let STREET = "";
const FORMULA_NAME = '=HYPERLINK("http://x","y")';
const tmp = mkdtempSync(join(tmpdir(), "org-sheet-formulas-"));
beforeAll(async () => {
  pinClock(new Date("2022-03-12T09:00:00+08:00"));
  subgraph = await startTestSubgraph(organizationsSubgraph);
  const { street, community } = await addStreet(subgraph.db, "FORMULA", "公式测试街道");
  STREET = street;
  const team = { legalForm: LegalForm.FILED, homeAreaCode: community, foundedOn: "2019-03-01", phones: true, members: 5, roles: rosterRoles(5) };
  const { orgId } = await addOrganization(subgraph.db, "formula", { ...team, name: FORMULA_NAME });
  await addFiling(subgraph.db, "formula", orgId, STREET, { status: FilingStatus.FILED, filingNo: "T-BA-2019-0666", filedOn: "2019-06-01" });
  const plus = await addOrganization(subgraph.db, "formula2", { ...team, name: "+86 互助队" });
  await addFiling(subgraph.db, "formula2", plus.orgId, STREET, { status: FilingStatus.FILED, filingNo: "T-BA-2019-0667", filedOn: "2019-06-01" });
});
afterAll(async () => {
  await subgraph?.stop();
  pinClock(null);
});

async function exported(format: SheetFormat): Promise<string> {
  const { body } = await signedRequest(subgraph.url, EXPORT_OPERATION, { street: STREET, after: null }, streetStaffOf(STREET));
  expect(body.errors).toBeUndefined();
  const records = body.data.organizations.nodes.map((o: never) => sheetRecord(o, "zh"));
  const path = join(tmp, `export.${format}`);
  await writeSheet(path, format, records, "zh");
  return path;
}

test("in the CSV export no cell starts like a formula: the name is written '=HYPERLINK(…), and reads back as it was", async () => {
  const path = await exported("csv");
  const cells = (parse(readFileSync(path, "utf8"), { bom: true }) as string[][]).flat();
  expect(cells).toContain(`'${FORMULA_NAME}`);
  expect(cells).toContain("'+86 互助队");
  expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);

  const { rows } = await readSheet(path);
  expect(rows.map((r) => r.name).sort()).toEqual(["+86 互助队", FORMULA_NAME]);
  const { body } = await signedRequest(subgraph.url, IMPORT_OPERATION, { streetCode: STREET, rows, dryRun: true }, streetStaffOf(STREET));
  expect(body.errors).toBeUndefined();
  for (const row of body.data.importFiledOrganizations.rows) expect([row.name, row.action, row.changedColumns, row.problems]).toEqual([row.name, "UPDATE", [], []]);
});

test("in the XLSX export the name is a text cell, not a formula, and reads back as it was", async () => {
  const path = await exported("xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const values: unknown[] = [];
  workbook.worksheets[0].eachRow((row) => values.push(row.getCell(1).value));
  expect(values).toContain(FORMULA_NAME);
  expect(values.every((value) => typeof value === "string")).toBe(true);
  expect((await readSheet(path)).rows.map((r) => r.name).sort()).toEqual(["+86 互助队", FORMULA_NAME]);
});
