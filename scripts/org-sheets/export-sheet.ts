import "reflect-metadata"; // the directory's index loads the organizations subgraph's decorated classes
import { categoryTerm, OrgCategory, OrgForm, orgFormTerm } from "../../subgraphs/organizations/directory";
import { SheetLanguage } from "./columns";
import { GatewayError, gatewayRequest, GatewayTarget } from "./gateway-client";
import { SheetFormat, SheetRecord, writeSheet } from "./write-sheet";

// The public directory query, narrowed to the street's FILED organizations: the subgraph masks the leader's name
// and phone for callers who may not see them (§9.3), so an export never shows more than its caller may read.
export const EXPORT_OPERATION = `query FiledOrganizationsSheet($street: ID!, $after: String) {
  area(code: $street) { code name }
  organizations(filter: { areaCode: $street, filingStatus: [FILED] }, first: 100, after: $after) {
    nodes {
      name orgForm category secondaryCategories foundedOn
      homeArea { code }
      filing { filingNo filedOn declaredMemberCount charterDocumentUrl authority { code } }
      leader { person { displayName fullName phone } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface OrgNode {
  name: string;
  orgForm: OrgForm | null;
  category: OrgCategory;
  secondaryCategories: OrgCategory[];
  foundedOn: string | null;
  homeArea: { code: string };
  filing: { filingNo: string | null; filedOn: string | null; declaredMemberCount: number; charterDocumentUrl: string | null; authority: { code: string } } | null;
  leader: { person: { displayName: string; fullName: string | null; phone: string | null } } | null;
}

interface Page {
  area: { code: string; name: string } | null;
  organizations: { nodes: OrgNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** One organization as a sheet row, enums as the language's terms; the leader's name as the caller may see it. */
export function sheetRecord(org: OrgNode, language: SheetLanguage): SheetRecord {
  const category = (c: OrgCategory) => (language === "zh" ? categoryTerm(c) : c);
  return {
    name: org.name,
    orgForm: org.orgForm ? (language === "zh" ? orgFormTerm(org.orgForm) : org.orgForm) : "",
    category: category(org.category),
    secondaryCategories: org.secondaryCategories.map(category).join(language === "zh" ? "、" : "; "),
    homeAreaCode: org.homeArea.code,
    foundedOn: org.foundedOn ?? "",
    filingNo: org.filing?.filingNo ?? "",
    filedOn: org.filing?.filedOn ?? "",
    leaderFullName: org.leader ? (org.leader.person.fullName ?? org.leader.person.displayName) : "",
    leaderPhone: org.leader?.person.phone ?? "",
    declaredMemberCount: org.filing ? String(org.filing.declaredMemberCount) : "",
    charterUrl: org.filing?.charterDocumentUrl ?? "",
  };
}

/** The street's FILED organizations (filed with the street itself), sorted by filing number. */
export async function fetchFiledOrganizations(target: GatewayTarget, street: string, language: SheetLanguage): Promise<{ street: { code: string; name: string }; records: SheetRecord[] }> {
  const nodes: OrgNode[] = [];
  let after: string | null = null;
  let area: Page["area"] = null;
  do {
    const page: Page = await gatewayRequest<Page>(target, EXPORT_OPERATION, { street, after });
    area = page.area;
    if (!area) throw new GatewayError(`No area has the code "${street}"; give a street code such as 340111X01.`, "NOT_FOUND");
    nodes.push(...page.organizations.nodes);
    after = page.organizations.pageInfo.hasNextPage ? page.organizations.pageInfo.endCursor : null;
  } while (after);
  const records = nodes.filter((o) => o.filing?.authority.code === street).map((o) => sheetRecord(o, language));
  records.sort((a, b) => (a.filingNo < b.filingNo ? -1 : a.filingNo > b.filingNo ? 1 : 0));
  return { street: area, records };
}

/** Exports the street's filed organizations to a CSV or XLSX sheet that importSheet reads back. */
export async function exportSheet(options: { street: string; format: SheetFormat; out: string; language: SheetLanguage; target: GatewayTarget }) {
  const { street, records } = await fetchFiledOrganizations(options.target, options.street, options.language);
  await writeSheet(options.out, options.format, records, options.language);
  return { street, count: records.length, path: options.out, phonesShown: records.some((r) => r.leaderPhone !== "") };
}
