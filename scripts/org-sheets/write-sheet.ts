import { writeFile } from "node:fs/promises";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { ImportColumn } from "../../subgraphs/organizations/import";
import { SHEET_COLUMNS, SheetLanguage } from "./columns";
import { neutralizeFormula } from "./formula-cells";

/** One organization as a sheet row: every column as text ("" for none). */
export type SheetRecord = Record<ImportColumn, string>;

export type SheetFormat = "csv" | "xlsx";

const headerOf = (language: SheetLanguage) => SHEET_COLUMNS.map((c) => c[language]);

/**
 * Writes the rows under a header row, as CSV (UTF-8 with BOM, so Excel shows Chinese; formula-like cells
 * neutralized) or XLSX (where every cell is a typed string or number, never a formula).
 */
export async function writeSheet(path: string, format: SheetFormat, records: readonly SheetRecord[], language: SheetLanguage): Promise<void> {
  if (format === "csv") {
    const rows = records.map((record) => SHEET_COLUMNS.map((c) => neutralizeFormula(record[c.key])));
    await writeFile(path, stringify([headerOf(language), ...rows], { bom: true }));
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(language === "zh" ? "备案组织" : "Filed organizations", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = SHEET_COLUMNS.map((c) => ({
    header: c[language],
    key: c.key,
    width: c.key === "name" || c.key === "charterUrl" ? 32 : 16,
    // text cells: Excel would turn dates into serials and drop a phone's leading 0
    style: c.key === "declaredMemberCount" ? {} : { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) {
    sheet.addRow({ ...record, declaredMemberCount: record.declaredMemberCount === "" ? null : Number(record.declaredMemberCount) });
  }
  await workbook.xlsx.writeFile(path);
}
