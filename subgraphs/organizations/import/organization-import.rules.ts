import { categoryFromTerm, MemberRole, OrgCategory, OrgForm, orgFormFromTerm } from "../directory";
import { FilingStatus, minimumMembersFor } from "../filing";
import { HeldRole, MembershipPlan } from "../membership-change";

// A street office's sheet of filed organizations (issue 5 §9): every cell is read as text and checked here, so
// that every problem of every row can be reported at once; the service loads the facts and writes what passes.

/** The sheet's columns, as the import input names them. */
export const IMPORT_COLUMNS = [
  "name",
  "orgForm",
  "category",
  "secondaryCategories",
  "homeAreaCode",
  "foundedOn",
  "filingNo",
  "filedOn",
  "leaderFullName",
  "leaderPhone",
  "declaredMemberCount",
  "charterUrl",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Rows one import may carry. */
export const MAX_IMPORT_ROWS = 500;

/** One sheet row as text; `sheetRow` is its number in the sheet (the header is row 1). */
export type SheetRow = { sheetRow: number } & { [K in ImportColumn]?: string | null };

/** One thing to fix in one cell. */
export interface ImportProblem {
  column: ImportColumn;
  value: string | null;
  message: string;
}

/** A row that passed its checks, in the store's types. */
export interface OrgRowValues {
  name: string;
  orgForm: OrgForm | null;
  category: OrgCategory;
  secondaryCategories: OrgCategory[];
  homeAreaCode: string;
  foundedOn: string | null;
  filingNo: string;
  filedOn: string;
  leaderFullName: string;
  leaderPhone: string | null;
  declaredMemberCount: number;
  charterUrl: string | null;
}

export interface AreaFact {
  code: string;
  name: string;
  path: string;
}

/** A filing of the street, found by a number on the sheet. */
export interface FilingFact {
  filingId: string;
  organizationId: string;
  organizationName: string;
  status: FilingStatus;
}

/** What the checks need from the store. */
export interface ImportFacts {
  today: string;
  street: AreaFact;
  /** The areas the sheet names as home areas (unknown codes are missing). */
  areas: ReadonlyMap<string, AreaFact>;
  /** The street's filings with the numbers on the sheet, by `filingNoKey`. */
  filings: ReadonlyMap<string, FilingFact>;
  /** Non-deregistered organizations under the street, by `nameKey` (§3.1 name uniqueness). */
  names: ReadonlyMap<string, { organizationId: string; name: string }[]>;
}

/** The verdict on one row. */
export interface RowCheck {
  sheetRow: number;
  action: "CREATE" | "UPDATE";
  /** The filing an UPDATE row changes. */
  target: FilingFact | null;
  /** Set when the row has no problem. */
  values: OrgRowValues | null;
  problems: ImportProblem[];
}

/** §3.1: names are compared case- and width-folded (ＡＢＣ队 = abc队), ignoring spaces. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** Filing numbers are compared the same way. */
export function filingNoKey(filingNo: string): string {
  return filingNo.normalize("NFKC").toUpperCase().replace(/\s+/g, "");
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// after separators and a +86/0086 prefix are dropped: an 11-digit mobile (the demo's fake 100-0000 range
// included), a landline with its area code, or a local landline
const PHONE_DIGITS = /^(1\d{10}|0\d{9,11}|[2-9]\d{6,7})$/;
const URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const LIST_SEPARATOR = /[、,，;；/\s]+/;

type Reader = { values: Partial<OrgRowValues>; problems: ImportProblem[] };

function cell(row: SheetRow, column: ImportColumn): string | null {
  const text = row[column]?.trim();
  return text ? text : null;
}

function problem(reader: Reader, column: ImportColumn, value: string | null, message: string): void {
  reader.problems.push({ column, value: value === null ? null : value.slice(0, 100), message });
}

/** A calendar day written YYYY-MM-DD, or why not. */
export function dayProblem(text: string, today: string): string | null {
  const match = DAY.exec(text);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (!match || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return `"${text}" is not a date; write it as YYYY-MM-DD, e.g. 2019-12-20.`;
  }
  return text > today ? `${text} is in the future (today is ${today}); give the day it happened.` : null;
}

/** A phone number in a plausible form, or why not. */
export function phoneProblem(text: string): string | null {
  const digits = text.replace(/[\s\-()（）]/g, "").replace(/^(\+86|0086)/, "");
  if (text.length <= 20 && PHONE_DIGITS.test(digits)) return null;
  return `"${text}" is not a phone number; give an 11-digit mobile (13800138000) or a landline with its area code (0551-63561234).`;
}

function required(reader: Reader, row: SheetRow, column: ImportColumn, what: string, maxLength: number): string | null {
  const text = cell(row, column);
  if (text === null) problem(reader, column, null, `Missing: give ${what}.`);
  else if (text.length > maxLength) problem(reader, column, text, `Too long: keep ${what} to ${maxLength} characters.`);
  else return text.replace(/\s+/g, " ");
  return null;
}

function readDay(reader: Reader, row: SheetRow, column: "foundedOn" | "filedOn", today: string): string | null {
  const text = cell(row, column);
  if (text === null) return null;
  const wrong = dayProblem(text, today);
  if (wrong) problem(reader, column, text, wrong);
  return wrong ? null : text;
}

function readEnums(reader: Reader, row: SheetRow): void {
  const form = cell(row, "orgForm");
  if (form !== null) {
    const read = orgFormFromTerm(form);
    if ("value" in read) reader.values.orgForm = read.value;
    else problem(reader, "orgForm", form, read.message);
  } else reader.values.orgForm = null;
  const category = cell(row, "category");
  if (category === null) problem(reader, "category", null, "Missing: give the main category, e.g. 困难帮扶类.");
  else {
    const read = categoryFromTerm(category);
    if ("value" in read) reader.values.category = read.value;
    else problem(reader, "category", category, read.message);
  }
  const secondary = cell(row, "secondaryCategories");
  const found: OrgCategory[] = [];
  for (const term of secondary?.split(LIST_SEPARATOR).filter(Boolean) ?? []) {
    const read = categoryFromTerm(term);
    if (!("value" in read)) problem(reader, "secondaryCategories", secondary, `${read.message} Separate several with 、 or ;.`);
    else if (read.value !== reader.values.category && !found.includes(read.value)) found.push(read.value);
  }
  reader.values.secondaryCategories = found;
}

function readHomeArea(reader: Reader, row: SheetRow, facts: ImportFacts): void {
  const code = required(reader, row, "homeAreaCode", "the code of the community or compound the organization is based in", 20);
  if (code === null) return;
  const where = `a community or compound of ${facts.street.name} (${facts.street.code})`;
  const area = facts.areas.get(code);
  if (!area) problem(reader, "homeAreaCode", code, `No area has the code "${code}"; give the code of ${where}.`);
  else if (area.code === facts.street.code) problem(reader, "homeAreaCode", code, `That is the street itself; give the code of ${where}.`);
  else if (!area.path.startsWith(facts.street.path)) problem(reader, "homeAreaCode", code, `${area.name} (${code}) is not under ${facts.street.name}; give the code of ${where}.`);
  else reader.values.homeAreaCode = code;
}

function readLeader(reader: Reader, row: SheetRow): void {
  const name = required(reader, row, "leaderFullName", "the leader's (负责人) full name", 40);
  // a sheet exported without the right to see names (§9.3) must not overwrite the real ones
  if (name !== null && /[*＊]/.test(name)) problem(reader, "leaderFullName", name, "The name is masked; export the sheet as staff of the street to get full names.");
  else if (name !== null) reader.values.leaderFullName = name;
  const phone = cell(row, "leaderPhone");
  const wrong = phone === null ? null : phoneProblem(phone);
  if (wrong) problem(reader, "leaderPhone", phone, wrong);
  else reader.values.leaderPhone = phone;
}

function readCounts(reader: Reader, row: SheetRow): void {
  const count = cell(row, "declaredMemberCount");
  const value = count !== null && /^\d{1,5}$/.test(count.normalize("NFKC")) ? Number(count.normalize("NFKC")) : NaN;
  if (count === null) problem(reader, "declaredMemberCount", null, "Missing: give the number of members declared in the filing.");
  else if (!Number.isInteger(value) || value < 1) problem(reader, "declaredMemberCount", count, `"${count}" is not a member count; write a whole number such as 12.`);
  else if (reader.values.orgForm !== undefined && value < minimumMembersFor(reader.values.orgForm)) {
    const minimum = minimumMembersFor(reader.values.orgForm);
    problem(reader, "declaredMemberCount", count, `A ${reader.values.orgForm ?? "filed organization"} needs at least ${minimum} members to be filed; fix the count or the form.`);
  } else reader.values.declaredMemberCount = value;
  const url = cell(row, "charterUrl");
  if (url !== null && (url.length > 300 || !URL.test(url))) problem(reader, "charterUrl", url, "Give the charter (章程) as an http(s) link of at most 300 characters, or leave it empty.");
  else reader.values.charterUrl = url;
}

/** Every problem of one row taken alone, and its values when there is none. */
export function readRow(row: SheetRow, facts: ImportFacts): Reader {
  const reader: Reader = { values: {}, problems: [] };
  const name = required(reader, row, "name", "the organization's name", 100);
  if (name !== null) reader.values.name = name;
  readEnums(reader, row);
  readHomeArea(reader, row, facts);
  reader.values.foundedOn = readDay(reader, row, "foundedOn", facts.today);
  // stored width-folded, so the folded form must fit the column
  const filingNo = required(reader, { ...row, filingNo: row.filingNo?.normalize("NFKC") }, "filingNo", "the filing number (备案编号)", 30);
  if (filingNo !== null) reader.values.filingNo = filingNo;
  const filedOn = readDay(reader, row, "filedOn", facts.today);
  if (filedOn === null && cell(row, "filedOn") === null) problem(reader, "filedOn", null, "Missing: give the day the filing was approved (YYYY-MM-DD).");
  else if (filedOn !== null && reader.values.foundedOn && filedOn < reader.values.foundedOn) {
    problem(reader, "filedOn", filedOn, `Filed before it was founded (${reader.values.foundedOn}); fix one of the two dates.`);
  } else if (filedOn !== null) reader.values.filedOn = filedOn;
  readLeader(reader, row);
  readCounts(reader, row);
  return reader;
}

/** Rows whose key appears more than once, by key. */
function repeated(keys: (string | null)[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  keys.forEach((key, i) => key !== null && seen.set(key, [...(seen.get(key) ?? []), i]));
  return new Map([...seen].filter(([, rows]) => rows.length > 1));
}

const rowList = (rows: SheetRow[], others: number[]) => others.map((i) => rows[i].sheetRow).join(", ");

/** Checks a whole sheet: each row alone, then filing numbers and names against the street and each other. */
export function checkSheet(rows: readonly SheetRow[], facts: ImportFacts): RowCheck[] {
  const sheet = [...rows];
  const readers = sheet.map((row) => readRow(row, facts));
  const filingKeys = sheet.map((row) => (cell(row, "filingNo") ? filingNoKey(cell(row, "filingNo")!) : null));
  const nameKeys = sheet.map((row) => (cell(row, "name") ? nameKey(cell(row, "name")!) : null));
  const targets = filingKeys.map((key) => (key === null ? null : facts.filings.get(key) ?? null));
  for (const [, indexes] of repeated(filingKeys)) {
    for (const i of indexes) {
      problem(readers[i], "filingNo", cell(sheet[i], "filingNo"), `Also on row ${rowList(sheet, indexes.filter((j) => j !== i))}; each filing number may appear once.`);
    }
  }
  for (const [, indexes] of repeated(nameKeys)) {
    for (const i of indexes) problem(readers[i], "name", cell(sheet[i], "name"), `Also on row ${rowList(sheet, indexes.filter((j) => j !== i))}; each organization may appear once.`);
  }
  return sheet.map((row, i) => {
    const reader = readers[i];
    const target = targets[i];
    if (target && target.status !== FilingStatus.FILED) {
      problem(reader, "filingNo", cell(row, "filingNo"), `${target.organizationName} holds this number and its filing is ${target.status}; only FILED organizations are updated by import, and numbers are never reused.`);
    }
    const holders = nameKeys[i] === null ? [] : (facts.names.get(nameKeys[i]!) ?? []).filter((o) => o.organizationId !== target?.organizationId);
    if (holders.length) {
      problem(reader, "name", cell(row, "name"), `${facts.street.name} already has an organization named "${holders[0].name}" (${holders[0].organizationId}); pick another name, or give that organization's filing number to update it.`);
    }
    const action = target ? "UPDATE" : "CREATE";
    const values = reader.problems.length ? null : (reader.values as OrgRowValues);
    return { sheetRow: row.sheetRow, action, target: target && target.status === FilingStatus.FILED ? target : null, values, problems: reader.problems };
  });
}

/** What an UPDATE row finds in the store. */
export interface CurrentOrg extends Omit<OrgRowValues, "filingNo" | "leaderFullName" | "leaderPhone"> {
  leaderFullName: string | null;
  leaderPhone: string | null;
}

/** The columns an UPDATE row changes; a blank phone keeps the stored one (it belongs to the person, not the sheet). */
export function changedColumns(values: OrgRowValues, current: CurrentOrg): ImportColumn[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changed: ImportColumn[] = [];
  const compared = ["name", "orgForm", "category", "homeAreaCode", "foundedOn", "filedOn", "declaredMemberCount", "charterUrl"] as const;
  for (const column of compared) if (!same(values[column], current[column])) changed.push(column);
  if (!same([...values.secondaryCategories].sort(), [...current.secondaryCategories].sort())) changed.push("secondaryCategories");
  if (current.leaderFullName === null || nameKey(values.leaderFullName) !== nameKey(current.leaderFullName)) changed.push("leaderFullName");
  if (values.leaderPhone !== null && values.leaderPhone !== current.leaderPhone) changed.push("leaderPhone");
  return IMPORT_COLUMNS.filter((column) => changed.includes(column));
}

/**
 * A new leader from `today`, as changeMemberRole does it (§3.2): the new leader's held row (if a member) and every
 * current LEADER row close, a LEADER row opens, and each former leader stays on as DEPUTY.
 */
export function leaderHandover(active: readonly HeldRole[], newLeaderPersonId: string, today: string): MembershipPlan {
  const plan: MembershipPlan = { close: [], open: [{ personId: newLeaderPersonId, role: MemberRole.LEADER, from: today }] };
  for (const held of active.filter((m) => m.personId === newLeaderPersonId)) plan.close.push({ id: held.id, on: today });
  for (const leader of active.filter((m) => m.role === MemberRole.LEADER && m.personId !== newLeaderPersonId)) {
    plan.close.push({ id: leader.id, on: today });
    plan.open.push({ personId: leader.personId, role: MemberRole.DEPUTY, from: today });
  }
  return plan;
}
