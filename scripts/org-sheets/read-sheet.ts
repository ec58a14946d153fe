import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { ImportColumn } from "../../subgraphs/organizations/import";
import { acceptedHeaders, columnForHeader, SHEET_COLUMNS } from "./columns";

/** One data row as the import mutation takes it: cells as text, with its number in the sheet. */
export type SheetRowInput = { sheetRow: number } & { [K in ImportColumn]?: string };

/** A parsed sheet: its rows and the header each column had, to name columns the way the sheet does. */
export interface ParsedSheet {
  rows: SheetRowInput[];
  headers: Partial<Record<ImportColumn, string>>;
}

/** The sheet cannot be read as a sheet of filed organizations (wrong file, unknown or missing headers). */
export class SheetError extends Error {}

/** YYYY-MM-DD of a date cell: exceljs gives the day at midnight UTC. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The text of an XLSX cell value, whatever Excel stored (numbers, dates, rich text, links, formulas). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dayOf(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return /^https?:/i.test(String(value.text)) ? String(value.text) : value.hyperlink;
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return "";
}

/** Maps a header row and data rows (numbered as in the sheet) to import rows; checks the headers first. */
export function rowsFromTable(table: { sheetRow: number; cells: string[] }[]): ParsedSheet {
  const filled = table.filter((row) => row.cells.some((c) => c.trim()));
  if (!filled.length) throw new SheetError("The sheet is empty; its first row must be the header row.");
  const [header, ...data] = filled;
  const headers: Partial<Record<ImportColumn, string>> = {};
  const keys: (ImportColumn | null)[] = [];
  const unknown: string[] = [];
  for (const raw of header.cells) {
    const text = raw.trim();
    const column = text ? columnForHeader(text) : null;
    if (text && !column) unknown.push(text);
    if (column && headers[column.key]) throw new SheetError(`Two columns are "${column.zh}" / "${column.en}" ("${headers[column.key]}" and "${text}"); keep one.`);
    if (column) headers[column.key] = text;
    keys.push(column?.key ?? null);
  }
  const missing = SHEET_COLUMNS.filter((c) => c.required && !headers[c.key]).map((c) => `${c.zh} (${c.en})`);
  if (unknown.length || missing.length) {
    const what = [unknown.length ? `unknown header(s) ${unknown.map((h) => `"${h}"`).join(", ")}` : "", missing.length ? `missing ${missing.join(", ")}` : ""].filter(Boolean);
    throw new SheetError(`Row ${header.sheetRow} must be the header row: ${what.join("; ")}.\nAccepted headers (Chinese | English | others):\n${acceptedHeaders()}`);
  }
  const rows = data.map(({ sheetRow, cells }) => {
    const row: SheetRowInput = { sheetRow };
    keys.forEach((key, i) => {
      const text = cells[i]?.trim();
      if (key && text) row[key] = text;
    });
    return row;
  });
  return { rows, headers };
}

/** UTF-8 (with or without BOM), else GB18030: what Excel on a Chinese Windows saves as "CSV". */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

async function tableFromCsv(path: string): Promise<{ sheetRow: number; cells: string[] }[]> {
  const records = parse(decodeCsv(await readFile(path)), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  return records.map((cells, i) => ({ sheetRow: i + 1, cells }));
}

async function tableFromXlsx(path: string): Promise<{ sheetRow: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError(`${path} has no worksheet.`);
  const table: { sheetRow: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, sheetRow) => {
    const cells: string[] = [];
    for (let col = 1; col <= sheet.columnCount; col++) cells.push(cellText(row.getCell(col).value));
    table.push({ sheetRow, cells });
  });
  return table;
}

/** Reads a .csv (UTF-8 or GB18030) or .xlsx (first worksheet) sheet of filed organizations. */
export async function readSheet(path: string): Promise<ParsedSheet> {
  const extension = extname(path).toLowerCase();
  if (extension !== ".csv" && extension !== ".xlsx") throw new SheetError(`${path}: give a .csv or .xlsx file.`);
  let table: { sheetRow: number; cells: string[] }[];
  try {
    table = extension === ".csv" ? await tableFromCsv(path) : await tableFromXlsx(path);
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError(`${path} cannot be read as ${extension === ".csv" ? "CSV" : "XLSX"}: ${(error as Error).message}`);
  }
  return rowsFromTable(table);
}
