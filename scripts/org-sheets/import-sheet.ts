import { ImportColumn } from "../../subgraphs/organizations/import";
import { SHEET_COLUMNS } from "./columns";
import { gatewayRequest, GatewayTarget } from "./gateway-client";
import { readSheet } from "./read-sheet";

/** The operation the import sends: the whole sheet in one call, so it is written all or nothing. */
export const IMPORT_OPERATION = `mutation ImportFiledOrganizations($streetCode: ID!, $rows: [OrganizationImportRowInput!]!, $dryRun: Boolean) {
  importFiledOrganizations(streetCode: $streetCode, rows: $rows, dryRun: $dryRun) {
    street { code name }
    dryRun written created updated problemCount
    rows { sheetRow action filingNo name changedColumns organization { id } problems { column value message } }
  }
}`;

export interface ImportReport {
  street: { code: string; name: string };
  dryRun: boolean;
  written: boolean;
  created: number;
  updated: number;
  problemCount: number;
  rows: {
    sheetRow: number;
    action: "CREATE" | "UPDATE";
    filingNo: string | null;
    name: string | null;
    changedColumns: string[];
    organization: { id: string } | null;
    problems: { column: string; value: string | null; message: string }[];
  }[];
}

/** A sheet sent to the hub and what it answered; `headers` name columns the way the sheet does. */
export interface SheetImport {
  report: ImportReport;
  headers: Partial<Record<ImportColumn, string>>;
}

/** Reads the sheet and imports it (or checks it, on a dry run) for one street through the gateway. */
export async function importSheet(options: { file: string; street: string; dryRun: boolean; target: GatewayTarget }): Promise<SheetImport> {
  const { rows, headers } = await readSheet(options.file);
  const data = await gatewayRequest<{ importFiledOrganizations: ImportReport }>(options.target, IMPORT_OPERATION, {
    streetCode: options.street,
    rows,
    dryRun: options.dryRun,
  });
  return { report: data.importFiledOrganizations, headers };
}

/** The report as a person reads it: a line per row, the problems under it (row, column, what to fix), a verdict. */
export function formatImportReport({ report, headers }: SheetImport): string {
  const label = (column: string) => headers[column as ImportColumn] ?? SHEET_COLUMNS.find((c) => c.key === column)?.zh ?? column;
  const lines = [`${report.street.name} (${report.street.code}): ${report.rows.length} row(s), ${report.created} to create, ${report.updated} to update.`];
  for (const row of report.rows) {
    const what = `${row.name ?? "(no name)"}${row.filingNo ? ` [${row.filingNo}]` : ""}`;
    const changes = row.action === "UPDATE" ? (row.changedColumns.length ? `: changes ${row.changedColumns.map(label).join(", ")}` : ": no changes") : "";
    const trouble = row.problems.length ? `  ✗ ${row.problems.length} problem(s)` : "";
    lines.push(`  row ${String(row.sheetRow).padEnd(4)} ${row.action.padEnd(6)} ${what}${changes}${trouble}`);
    for (const problem of row.problems) {
      lines.push(`      row ${row.sheetRow}, ${label(problem.column)}${problem.value === null ? "" : ` "${problem.value}"`}: ${problem.message}`);
    }
  }
  const badRows = report.rows.filter((r) => r.problems.length).length;
  if (report.problemCount) lines.push(`Nothing was imported: fix the ${report.problemCount} problem(s) in ${badRows} row(s) and run again.`);
  else if (report.dryRun) lines.push("Dry run: the sheet can be imported as it is; nothing was written. Run again without --dry-run to import it.");
  else lines.push(`Imported: ${report.created} created, ${report.updated} updated.`);
  return `${lines.join("\n")}\n`;
}
