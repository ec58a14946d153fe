import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { neutralizeFormula, restoreFormulaText } from "@scripts/org-sheets/formula-cells";
import { MAX_SHEET_BYTES, MAX_SHEET_ROWS, readSheet, SheetError } from "@scripts/org-sheets/read-sheet";

// The sheet reader's limits, checked before the sheet is parsed, and the CSV export's formula neutralization.
const tmp = mkdtempSync(join(tmpdir(), "org-sheet-limits-"));
const HEADER = "名称,组织形式,主类别,所在社区代码,备案编号,备案日期,负责人,备案成员人数";
const row = (i: number) => `测试队${i},队,文体娱乐类,340111X01C01,T-BA-2021-${i},2021-01-05,测某人,8`;

function csv(name: string, rows: number): string {
  const path = join(tmp, name);
  writeFileSync(path, [HEADER, ...Array.from({ length: rows }, (_, i) => row(i + 1))].join("\n"));
  return path;
}

async function xlsx(name: string, rows: number): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("备案组织");
  sheet.addRow(HEADER.split(","));
  for (let i = 1; i <= rows; i++) sheet.addRow(row(i).split(","));
  const path = join(tmp, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe("the sheet reader's limits", () => {
  test(`a sheet of ${MAX_SHEET_ROWS} rows is read; one row more is refused with the limit, as CSV and as XLSX`, async () => {
    expect((await readSheet(csv("full.csv", MAX_SHEET_ROWS - 1))).rows).toHaveLength(MAX_SHEET_ROWS - 1);
    expect((await readSheet(await xlsx("full.xlsx", MAX_SHEET_ROWS - 1))).rows).toHaveLength(MAX_SHEET_ROWS - 1);
    for (const path of [csv("over.csv", MAX_SHEET_ROWS), await xlsx("over.xlsx", MAX_SHEET_ROWS)]) {
      const attempt = readSheet(path);
      await expect(attempt).rejects.toThrow(SheetError);
      await expect(readSheet(path)).rejects.toThrow(`has more than ${MAX_SHEET_ROWS} rows; an import takes at most 500 organizations: split the sheet`);
    }
  });

  test("a file over 5 MB is refused before it is read, saying the limit", async () => {
    const path = join(tmp, "huge.csv");
    writeFileSync(path, `${HEADER}\n${"x".repeat(MAX_SHEET_BYTES)}`);
    await expect(readSheet(path)).rejects.toThrow(/huge\.csv is 5\.0 MB; a sheet may be at most 5 MB: split it/);
    const bomb = join(tmp, "huge.xlsx"); // not even a zip: the size alone refuses it
    writeFileSync(bomb, Buffer.alloc(MAX_SHEET_BYTES + 1));
    await expect(readSheet(bomb)).rejects.toThrow(/at most 5 MB/);
  });

  test("a missing file says so", async () => {
    await expect(readSheet(join(tmp, "nothing.csv"))).rejects.toThrow(/nothing\.csv: no such file/);
  });
});

describe("formula cells", () => {
  test.each(["=HYPERLINK(\"http://x\",\"y\")", "+86 互助队", "-1", "@SUM(A1)", "\tTab", "\rCR"])("%j is written with a leading apostrophe and read back as it was", (cell) => {
    expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    expect(restoreFormulaText(neutralizeFormula(cell))).toBe(cell);
  });

  test("ordinary cells, phones and dates are written as they are; an apostrophe before a letter stays", () => {
    for (const cell of ["乐竹邻志愿服务队", "100-0000-0001", "2021-01-05", "", "'s Club", "a=b"]) {
      expect(neutralizeFormula(cell)).toBe(cell);
      expect(restoreFormulaText(cell)).toBe(cell);
    }
  });
});
