import { ImportColumn } from "../../subgraphs/organizations/import";

/** Which header set an exported sheet uses (an imported one may mix them). */
export type SheetLanguage = "zh" | "en";

/** One column of a street office's sheet and the headers it is recognized by. */
export interface SheetColumn {
  key: ImportColumn;
  zh: string;
  en: string;
  /** Further headers street offices use for it. */
  aliases: string[];
  required: boolean;
}

/** The sheet's columns in export order; the keys are the import mutation's input fields. */
export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: "name", zh: "名称", en: "Name", aliases: ["组织名称", "社会组织名称"], required: true },
  { key: "orgForm", zh: "组织形式", en: "Org form", aliases: ["形式"], required: false },
  { key: "category", zh: "主类别", en: "Category", aliases: ["类别", "组织类别"], required: true },
  { key: "secondaryCategories", zh: "次要类别", en: "Secondary categories", aliases: ["其他类别"], required: false },
  { key: "homeAreaCode", zh: "所在社区代码", en: "Home area code", aliases: ["社区代码", "所在社区"], required: true },
  { key: "foundedOn", zh: "成立日期", en: "Founded on", aliases: ["成立时间"], required: false },
  { key: "filingNo", zh: "备案编号", en: "Filing number", aliases: ["备案号"], required: true },
  { key: "filedOn", zh: "备案日期", en: "Filed on", aliases: ["备案时间"], required: true },
  { key: "leaderFullName", zh: "负责人姓名", en: "Leader full name", aliases: ["负责人", "Leader"], required: true },
  { key: "leaderPhone", zh: "负责人电话", en: "Leader phone", aliases: ["联系电话", "负责人联系电话"], required: false },
  { key: "declaredMemberCount", zh: "备案成员人数", en: "Declared member count", aliases: ["成员人数", "人数", "Members"], required: true },
  { key: "charterUrl", zh: "章程链接", en: "Charter URL", aliases: ["章程"], required: false },
];

/** How headers are compared: width-folded, case-insensitive, without spaces, _ or -. */
export function headerKey(header: string): string {
  return header.normalize("NFKC").toLowerCase().replace(/[\s_\-]+/g, "");
}

const BY_HEADER = new Map<string, SheetColumn>();
for (const column of SHEET_COLUMNS) for (const header of [column.key, column.zh, column.en, ...column.aliases]) BY_HEADER.set(headerKey(header), column);

/** The column a header names, or null. */
export function columnForHeader(header: string): SheetColumn | null {
  return BY_HEADER.get(headerKey(header)) ?? null;
}

/** The accepted headers, one column a line (for --help and header errors). */
export function acceptedHeaders(): string {
  return SHEET_COLUMNS.map((c) => `  ${c.zh} | ${c.en} | ${[c.key, ...c.aliases].join(" | ")}${c.required ? "   (required)" : ""}`).join("\n");
}
