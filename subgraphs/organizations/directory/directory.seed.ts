import { EntityManager } from "typeorm";
import { Area } from "./area.entity";
import { Membership } from "./membership.entity";
import { Organization } from "./organization.entity";
import { Person } from "./person.entity";
import { AreaLevel, HubType, LegalForm, MemberRole, OrgCategory, OrgForm, OrgStatus } from "./directory.enums";

// DOMAIN §10.1: synthetic street/community codes (…X01, …C01) where the real ones were not verified.
const AREAS: [code: string, name: string, level: AreaLevel, parent: string | null][] = [
  ["340100", "合肥市", AreaLevel.CITY, null],
  ["340111", "包河区", AreaLevel.DISTRICT, "340100"],
  ["340111X01", "常青街道", AreaLevel.STREET, "340111"],
  ["340111X01C01", "竹西社区", AreaLevel.COMMUNITY, "340111X01"],
  ["340104", "蜀山区", AreaLevel.DISTRICT, "340100"],
  ["340104Z01", "蜀山经开区", AreaLevel.FUNCTIONAL_ZONE, "340104"],
  ["340104Z01C01", "蜀麓苑社区", AreaLevel.COMMUNITY, "340104Z01"],
  ["340104Z01C01P01", "加侨悦山小区", AreaLevel.COMPOUND, "340104Z01C01"],
  ["340103", "庐阳区", AreaLevel.DISTRICT, "340100"],
  ["340700", "铜陵市", AreaLevel.CITY, null],
  ["340700X01", "铜陵市某区", AreaLevel.DISTRICT, "340700"],
  ["340700X01C01", "铜陵某社区", AreaLevel.COMMUNITY, "340700X01"],
  ["340700X01C01P01", "铜陵某小区", AreaLevel.COMPOUND, "340700X01C01"],
];

type OrgSeed = Omit<Organization, "secondaryCategories" | "serviceAreaCodes" | "orgForm" | "hubType" | "unifiedSocialCreditCode"> &
  Partial<Pick<Organization, "secondaryCategories" | "serviceAreaCodes" | "orgForm" | "hubType" | "unifiedSocialCreditCode">>;

// DOMAIN §10.2: the article's organizations; founding dates marked [INF placeholder] there.
const ORGANIZATIONS: OrgSeed[] = [
  { id: "org_lezhulin", name: "乐竹邻志愿服务队", legalForm: LegalForm.FILED, orgForm: OrgForm.TEAM, category: OrgCategory.HARDSHIP_ASSISTANCE, secondaryCategories: [OrgCategory.VOLUNTEER_SERVICE], status: OrgStatus.ACTIVE, foundedOn: "2019-10-01", homeAreaCode: "340111X01C01" },
  { id: "org_jiaqiao", name: "加侨飞扬志愿服务队", legalForm: LegalForm.FILED, orgForm: OrgForm.TEAM, category: OrgCategory.PUBLIC_AFFAIRS, secondaryCategories: [OrgCategory.NEIGHBOR_MUTUAL_AID, OrgCategory.VOLUNTEER_SERVICE], status: OrgStatus.ACTIVE, foundedOn: "2020-02-01", homeAreaCode: "340104Z01C01", serviceAreaCodes: ["340104Z01C01P01"] },
  { id: "org_tl_dance", name: "铜陵某小区舞蹈队", legalForm: LegalForm.INFORMAL, orgForm: OrgForm.TEAM, category: OrgCategory.CULTURE_SPORTS, status: OrgStatus.ACTIVE, foundedOn: "2018-01-01", homeAreaCode: "340700X01C01", serviceAreaCodes: ["340700X01C01P01"] },
  { id: "org_ailin", name: "合肥爱邻社会工作服务社", legalForm: LegalForm.SOCIAL_SERVICE_AGENCY, orgForm: OrgForm.SOCIETY, category: OrgCategory.PROFESSIONAL_SOCIAL_WORK, status: OrgStatus.ACTIVE, foundedOn: "2014-01-01", homeAreaCode: "340111", serviceAreaCodes: ["340111X01"] },
  { id: "org_shichuang", name: "合肥实创公益发展中心", legalForm: LegalForm.SOCIAL_SERVICE_AGENCY, orgForm: OrgForm.CENTER, category: OrgCategory.PROFESSIONAL_SOCIAL_WORK, status: OrgStatus.ACTIVE, foundedOn: "2015-01-01", homeAreaCode: "340103", serviceAreaCodes: ["340104Z01"] },
  { id: "org_sjk_fed", name: "蜀山经开区社会组织联合会", legalForm: LegalForm.SOCIAL_GROUP, orgForm: OrgForm.FEDERATION, hubType: HubType.FEDERATION, category: OrgCategory.HUB, status: OrgStatus.PREPARING, foundedOn: null, homeAreaCode: "340104Z01" },
];

// Pseudonymized display names (SEED_USE_ARTICLE_NAMES=false) and fake phones in the unassigned 100-0000 range.
const PEOPLE: Person[] = [
  { id: "per_zhang_leader", fullName: "张某琴", phone: "100-0000-0001", birthYear: 1956, residentAreaCode: "340111X01C01", consentPublicName: false },
  { id: "per_lzl_deputy", fullName: "王某华", phone: "100-0000-0002", birthYear: 1959, residentAreaCode: "340111X01C01", consentPublicName: false },
  { id: "per_liu_leader", fullName: "刘某明", phone: "100-0000-0003", birthYear: 1968, residentAreaCode: "340104Z01C01P01", consentPublicName: false },
  { id: "per_tl_leader", fullName: "刘某芳", phone: "100-0000-0004", birthYear: 1957, residentAreaCode: "340700X01C01P01", consentPublicName: false },
  { id: "per_wu_supervisor", fullName: "吴某", phone: "100-0000-0005", birthYear: 1990, residentAreaCode: null, consentPublicName: false },
  { id: "per_bai_director", fullName: "柏某", phone: "100-0000-0006", birthYear: 1985, residentAreaCode: null, consentPublicName: true },
  { id: "per_shen_worker", fullName: "沈某强", phone: "100-0000-0007", birthYear: 1988, residentAreaCode: null, consentPublicName: false },
];

const MEMBERSHIPS: Membership[] = [
  { id: "mem_lzl_leader", organizationId: "org_lezhulin", personId: "per_zhang_leader", role: MemberRole.LEADER, joinedOn: "2019-10-01", leftOn: null },
  { id: "mem_lzl_deputy", organizationId: "org_lezhulin", personId: "per_lzl_deputy", role: MemberRole.DEPUTY, joinedOn: "2019-10-01", leftOn: null },
  { id: "mem_jq_leader", organizationId: "org_jiaqiao", personId: "per_liu_leader", role: MemberRole.LEADER, joinedOn: "2020-02-01", leftOn: null },
  { id: "mem_tl_leader", organizationId: "org_tl_dance", personId: "per_tl_leader", role: MemberRole.LEADER, joinedOn: "2018-01-01", leftOn: null },
  { id: "mem_ailin_director", organizationId: "org_ailin", personId: "per_bai_director", role: MemberRole.LEADER, joinedOn: "2014-01-01", leftOn: null },
  { id: "mem_ailin_wu", organizationId: "org_ailin", personId: "per_wu_supervisor", role: MemberRole.BACKBONE, joinedOn: "2016-01-01", leftOn: null },
  { id: "mem_sc_shen", organizationId: "org_shichuang", personId: "per_shen_worker", role: MemberRole.BACKBONE, joinedOn: "2017-01-01", leftOn: null },
];

/** Materialized paths for the seed tree. */
function withPaths(): Area[] {
  const byCode = new Map(AREAS.map(([code, name, level, parentCode]) => [code, { code, name, level, parentCode, path: "" } as Area]));
  const pathOf = (area: Area): string => (area.parentCode ? pathOf(byCode.get(area.parentCode)!) : "") + `${area.code}/`;
  for (const area of byCode.values()) area.path = pathOf(area);
  return [...byCode.values()];
}

/** The areas, organizations, people and memberships of the demo data (DOMAIN §10.1–10.2). */
export async function seedDirectory(tx: EntityManager): Promise<void> {
  await tx.getRepository(Area).insert(withPaths());
  await tx.getRepository(Organization).insert(
    ORGANIZATIONS.map((o) => ({ secondaryCategories: [], serviceAreaCodes: [], orgForm: null, hubType: null, unifiedSocialCreditCode: null, ...o })),
  );
  await tx.getRepository(Person).insert(PEOPLE);
  await tx.getRepository(Membership).insert(MEMBERSHIPS);
}
