import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { ImportColumn } from "../../subgraphs/organizations/import";
import { acceptedHeaders, columnForHeader, SHEET_COLUMNS } from "./columns";
import { restoreFormulaText } from "./formula-cells";

/** The largest sheet file read: far above 500 organizations (the import's limit), far below what hurts. */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
/** The most rows read from a sheet, blank ones included; reading stops at the first row over it. */
export const MAX_SHEET_ROWS = 1000;

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
      if (key && text) row[key] = restoreFormulaText(text);
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

function tooManyRows(path: string): SheetError {
  return new SheetError(`${path} has more than ${MAX_SHEET_ROWS} rows; an import takes at most 500 organizations: split the sheet and import each part.`);
}

async function tableFromCsv(path: string): Promise<{ sheetRow: number; cells: string[] }[]> {
  // `to` stops the parser one record past the limit: the rest of the file is never parsed
  const records = parse(decodeCsv(await readFile(path)), { bom: true, relax_column_count: true, skip_empty_lines: false, to: MAX_SHEET_ROWS + 1 }) as string[][];
  if (records.length > MAX_SHEET_ROWS) throw tooManyRows(path);
  return records.map((cells, i) => ({ sheetRow: i + 1, cells }));
}

/** The first worksheet, row by row (exceljs' streaming reader): reading stops at the first row over the limit. */
async function tableFromXlsx(path: string): Promise<{ sheetRow: number; cells: string[] }[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  for await (const sheet of reader) {
    const table: { sheetRow: number; cells: string[] }[] = [];
    let read = 0;
    for await (const row of sheet) {
      if (++read > MAX_SHEET_ROWS) throw tooManyRows(path);
      const values = Array.isArray(row.values) ? row.values : [];
      const cells = values.slice(1).map((value) => cellText(value as ExcelJS.CellValue));
      if (cells.some((c) => c !== "")) table.push({ sheetRow: row.number, cells });
    }
    return table;
  }
  throw new SheetError(`${path} has no worksheet.`);
}

/** Reads a .csv (UTF-8 or GB18030) or .xlsx (first worksheet) sheet of filed organizations. */
export async function readSheet(path: string): Promise<ParsedSheet> {
  const extension = extname(path).toLowerCase();
  if (extension !== ".csv" && extension !== ".xlsx") throw new SheetError(`${path}: give a .csv or .xlsx file.`);
  const { size } = await stat(path).catch(() => {
    throw new SheetError(`${path}: no such file.`);
  });
  if (size > MAX_SHEET_BYTES) {
    throw new SheetError(`${path} is ${(size / 1024 / 1024).toFixed(1)} MB; a sheet may be at most ${MAX_SHEET_BYTES / 1024 / 1024} MB: split it and import each part.`);
  }
  let table: { sheetRow: number; cells: string[] }[];
  try {
    table = extension === ".csv" ? await tableFromCsv(path) : await tableFromXlsx(path);
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError(`${path} cannot be read as ${extension === ".csv" ? "CSV" : "XLSX"}: ${(error as Error).message}`);
  }
  return rowsFromTable(table);
}
