// A cell that starts with = + - @ (or a tab or CR) is a formula to Excel and LibreOffice when they open a CSV: an
// organization's name `=HYPERLINK("http://x","y")` would become a link in the clerk's spreadsheet. The export writes
// such a cell with a leading apostrophe, which spreadsheets show as text (OWASP "CSV injection"); the reader takes
// the apostrophe off again, so the name round-trips unchanged.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as the CSV export writes it: with a leading `'` when a spreadsheet would read it as a formula. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The cell as the export had it before neutralizeFormula: one leading `'` before a formula character taken off. */
export function restoreFormulaText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
