import { OrgCategory, OrgForm } from "./directory.enums";

// The Chinese terms street offices write in their sheets for forms (DOMAIN §3.1) and categories (§3.3, the
// article's terms), beside the canonical enum names. Exports use the first term of each entry.

/** 队, 社, 站, 中心, 组 (filed forms, §1.2) and the registered forms 协会, 联合会. */
export const ORG_FORM_TERMS: Readonly<Record<OrgForm, readonly string[]>> = {
  [OrgForm.TEAM]: ["队"],
  [OrgForm.SOCIETY]: ["社"],
  [OrgForm.STATION]: ["站"],
  [OrgForm.CENTER]: ["中心"],
  [OrgForm.GROUP]: ["组"],
  [OrgForm.ASSOCIATION]: ["协会"],
  [OrgForm.FEDERATION]: ["联合会"],
};

/** The article's category terms (文体娱乐类 …), with or without the trailing 类, and the unambiguous provincial ones. */
export const CATEGORY_TERMS: Readonly<Record<OrgCategory, readonly string[]>> = {
  [OrgCategory.CULTURE_SPORTS]: ["文体娱乐类"],
  [OrgCategory.HOBBY]: ["兴趣爱好类"],
  [OrgCategory.PARENT_CHILD]: ["亲子活动类"],
  [OrgCategory.NEIGHBOR_MUTUAL_AID]: ["邻里互助类"],
  [OrgCategory.HARDSHIP_ASSISTANCE]: ["困难帮扶类"],
  [OrgCategory.PUBLIC_AFFAIRS]: ["公共事务类", "社区协商类", "社区和谐类"],
  [OrgCategory.VOLUNTEER_SERVICE]: ["志愿服务类"],
  [OrgCategory.CHARITY]: ["公益慈善类"],
  [OrgCategory.RURAL_PRODUCTION]: ["农村生产技术服务类", "农村生产服务类"],
  [OrgCategory.PROFESSIONAL_SOCIAL_WORK]: ["社会工作服务类", "专业社会工作类"],
  [OrgCategory.HUB]: ["枢纽型"],
  [OrgCategory.OTHER]: ["其他"],
};

// Provincial terms that cover several canonical categories (§3.3 Sichuan/Yueyang columns): never guessed.
const AMBIGUOUS_CATEGORY_TERMS: Readonly<Record<string, readonly OrgCategory[]>> = {
  文体活动: [OrgCategory.CULTURE_SPORTS, OrgCategory.HOBBY],
  社区文体: [OrgCategory.CULTURE_SPORTS, OrgCategory.HOBBY, OrgCategory.CHARITY],
  生活服务: [OrgCategory.PARENT_CHILD, OrgCategory.NEIGHBOR_MUTUAL_AID],
  社区服务: [OrgCategory.PARENT_CHILD, OrgCategory.NEIGHBOR_MUTUAL_AID, OrgCategory.HARDSHIP_ASSISTANCE],
  社区事务: [OrgCategory.PUBLIC_AFFAIRS, OrgCategory.RURAL_PRODUCTION],
};

/** Width-folded, trimmed, without a trailing 类: how a term is compared. */
function termKey(raw: string): string {
  return raw.normalize("NFKC").trim().replace(/类$/, "").toUpperCase();
}

function index<T extends string>(terms: Readonly<Record<T, readonly string[]>>): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const [value, words] of Object.entries(terms) as [T, readonly string[]][]) {
    byKey.set(termKey(value), value);
    for (const word of words) byKey.set(termKey(word), value);
  }
  return byKey;
}

const FORMS = index(ORG_FORM_TERMS);
const CATEGORIES = index(CATEGORY_TERMS);

/** The outcome of reading one enum cell: the value, or what to write instead. */
export type TermResult<T> = { value: T } | { message: string };

/** `队` or `TEAM` → TEAM. */
export function orgFormFromTerm(raw: string): TermResult<OrgForm> {
  const value = FORMS.get(termKey(raw));
  if (value) return { value };
  const choices = Object.entries(ORG_FORM_TERMS).map(([form, [term]]) => `${term} (${form})`);
  return { message: `"${raw}" is not an organization form; write one of ${choices.join(", ")}.` };
}

/** `困难帮扶类`, `困难帮扶` or `HARDSHIP_ASSISTANCE` → HARDSHIP_ASSISTANCE. */
export function categoryFromTerm(raw: string): TermResult<OrgCategory> {
  const key = termKey(raw);
  const value = CATEGORIES.get(key);
  if (value) return { value };
  const ambiguous = AMBIGUOUS_CATEGORY_TERMS[key];
  if (ambiguous) {
    const choices = ambiguous.map((category) => `${CATEGORY_TERMS[category][0]} (${category})`);
    return { message: `"${raw}" covers several categories; write the one meant: ${choices.join(" or ")}.` };
  }
  const choices = Object.entries(CATEGORY_TERMS).map(([category, [term]]) => `${term} (${category})`);
  return { message: `"${raw}" is not a category; write one of ${choices.join(", ")}.` };
}

/** The term a Chinese sheet shows for a form. */
export function orgFormTerm(form: OrgForm): string {
  return ORG_FORM_TERMS[form][0];
}

/** The term a Chinese sheet shows for a category. */
export function categoryTerm(category: OrgCategory): string {
  return CATEGORY_TERMS[category][0];
}
