import { addDays } from "../../subgraphs/kit/days";
import { Area, AreaLevel, HubType, LegalForm, Membership, MemberRole, OrgCategory, OrgForm, Organization, OrgStatus, Person } from "../../subgraphs/organizations/directory";
import { TODAY } from "./calendar";
import { COMPOUND_SUFFIX, FORM_SUFFIX, PLACE, personName, STREET_SUFFIX, THEMES } from "./names";
import { Rng } from "./rng";
import { sid, Volumes } from "./volumes";

/**
 * The id manifest: who and where exists, made first and shared by every subgraph's part, so the ids other subgraphs
 * store (organizationId, personId, areaCode) are real rows of the organizations store. The rows are the
 * organizations subgraph's own entities; the indexes beside them are what the other parts look things up by.
 */
export interface World {
  areas: Area[];
  streets: Area[];
  communities: Area[];
  compoundsByCommunity: Map<string, string[]>;
  districtOf: Map<string, string>; // street code → district code
  organizations: Organization[];
  people: Person[];
  memberships: Membership[];
  /** Active memberships of each organization, leader first. */
  activeMembers: Map<string, Membership[]>;
  orgsByCommunity: Map<string, Organization[]>;
  orgsByStreet: Map<string, Organization[]>;
  leaderOf: Map<string, string>;
}

const DISTRICTS: [code: string, name: string, city: string][] = [
  ["340102", "瑶海区", "340100"],
  ["340103", "庐阳区", "340100"],
  ["340104", "蜀山区", "340100"],
  ["340111", "包河区", "340100"],
  ["340121", "长丰县", "340100"],
  ["340705", "铜官区", "340700"], // the contrast city (DOMAIN §11)
];

// DOMAIN §11 distributions [INF]: legal form 80 / 14 / 6, 文体 the majority, 2% hubs
const LEGAL_FORM = { FILED: 80, INFORMAL: 14, SOCIAL_GROUP: 2.5, SOCIAL_SERVICE_AGENCY: 3, FOUNDATION: 0.5 } as const;
const CATEGORY = {
  CULTURE_SPORTS: 27, HOBBY: 18, PARENT_CHILD: 6, NEIGHBOR_MUTUAL_AID: 10, HARDSHIP_ASSISTANCE: 9, PUBLIC_AFFAIRS: 9,
  VOLUNTEER_SERVICE: 11, CHARITY: 3, RURAL_PRODUCTION: 1, PROFESSIONAL_SOCIAL_WORK: 2, OTHER: 2,
} as const;
const STATUS = { ACTIVE: 90, DORMANT: 5, PREPARING: 2, SUSPENDED: 2, DEREGISTERED: 1 } as const;
const FORMS_BY_LEGAL: Record<string, OrgForm[]> = {
  FILED: [OrgForm.TEAM, OrgForm.TEAM, OrgForm.SOCIETY, OrgForm.STATION, OrgForm.GROUP],
  INFORMAL: [OrgForm.TEAM, OrgForm.GROUP],
  SOCIAL_GROUP: [OrgForm.ASSOCIATION],
  SOCIAL_SERVICE_AGENCY: [OrgForm.CENTER, OrgForm.SOCIETY],
  FOUNDATION: [OrgForm.CENTER],
};
// leader-dependency mix LOW 45 / MEDIUM 35 / HIGH 20 (DOMAIN §11): the bench (deputy + backbone) each level implies (§3.9)
const BENCH = { LOW: 45, MEDIUM: 35, HIGH: 20 } as const;

export function buildWorld(seed: number, volumes: Volumes): World {
  const rng = Rng.forPart(seed, "world");
  const areas: Area[] = [];
  const add = (code: string, name: string, level: AreaLevel, parent: Area | null): Area => {
    const area: Area = { code, name, level, parentCode: parent?.code ?? null, path: `${parent?.path ?? ""}${code}/` };
    areas.push(area);
    return area;
  };
  const hefei = add("340100", "合肥市", AreaLevel.CITY, null);
  const tongling = add("340700", "铜陵市", AreaLevel.CITY, null);
  const districts = DISTRICTS.map(([code, name, city]) => add(code, name, AreaLevel.DISTRICT, city === hefei.code ? hefei : tongling));
  const place = () => `${rng.pick(PLACE)}${rng.pick(PLACE)}`;

  const streets: Area[] = [];
  const districtOf = new Map<string, string>();
  for (let s = 0; s < volumes.streets; s++) {
    const district = districts[s % districts.length];
    const suffix = rng.pick(STREET_SUFFIX);
    const level = suffix === "镇" ? AreaLevel.TOWNSHIP : suffix === "经开区" ? AreaLevel.FUNCTIONAL_ZONE : AreaLevel.STREET;
    const street = add(`${district.code}S${String(Math.floor(s / districts.length) + 1).padStart(2, "0")}`, `${place()}${suffix}`, level, district);
    streets.push(street);
    districtOf.set(street.code, district.code);
  }
  const communities: Area[] = [];
  const compoundsByCommunity = new Map<string, string[]>();
  for (let c = 0; c < volumes.communities; c++) {
    const street = streets[c % streets.length];
    const community = add(`${street.code}C${String(Math.floor(c / streets.length) + 1).padStart(2, "0")}`, `${place()}社区`, AreaLevel.COMMUNITY, street);
    communities.push(community);
    // each community has 3–10 compounds (DOMAIN §11)
    const compounds = Array.from({ length: rng.int(3, 10) }, (_, p) => add(`${community.code}P${String(p + 1).padStart(2, "0")}`, `${place()}${rng.pick(COMPOUND_SUFFIX)}`, AreaLevel.COMPOUND, community).code);
    compoundsByCommunity.set(community.code, compounds);
  }

  const organizations: Organization[] = [];
  const names = new Set<string>();
  const orgsByCommunity = new Map<string, Organization[]>();
  const orgsByStreet = new Map<string, Organization[]>();
  const hubs = Math.max(1, Math.round(volumes.organizations * 0.02));
  for (let o = 0; o < volumes.organizations; o++) {
    const community = communities[o < communities.length ? o : rng.int(0, communities.length - 1)];
    const isHub = o % Math.round(volumes.organizations / hubs) === 0;
    const legalForm = isHub ? rng.pick([LegalForm.SOCIAL_GROUP, LegalForm.FILED]) : (rng.weighted(LEGAL_FORM) as LegalForm);
    const category = isHub ? OrgCategory.HUB : (rng.weighted(CATEGORY) as OrgCategory);
    const orgForm = isHub ? OrgForm.FEDERATION : rng.pick(FORMS_BY_LEGAL[legalForm]);
    const status = rng.weighted(STATUS) as OrgStatus;
    const base = `${community.name.replace(/社区$/, "")}${rng.pick(THEMES[category])}${FORM_SUFFIX[orgForm] || ""}`;
    let name = base;
    for (let k = 2; names.has(name); k++) name = `${base}${k}`;
    names.add(name);
    const registered = legalForm === LegalForm.SOCIAL_GROUP || legalForm === LegalForm.SOCIAL_SERVICE_AGENCY || legalForm === LegalForm.FOUNDATION;
    const org: Organization = {
      id: sid("org", o + 1),
      name,
      legalForm,
      orgForm,
      category,
      secondaryCategories: rng.chance(0.3) ? [OrgCategory.VOLUNTEER_SERVICE] : [],
      hubType: isHub ? rng.pick([HubType.FEDERATION, HubType.VOLUNTEER_FEDERATION, HubType.SERVICE_CENTER, HubType.INCUBATOR]) : null,
      status,
      foundedOn: status === OrgStatus.PREPARING ? null : addDays("2012-01-01", rng.int(0, 3468)),
      homeAreaCode: community.code,
      serviceAreaCodes: rng.sample(compoundsByCommunity.get(community.code)!, rng.int(0, 2)),
      // 统一社会信用代码 shape (18 characters), synthetic: 52 (social organization) + area + serial
      unifiedSocialCreditCode: registered ? `5234${community.code.slice(2, 6)}MJS${String(o + 1).padStart(7, "0")}` : null,
    };
    organizations.push(org);
    const inCommunity = orgsByCommunity.get(community.code) ?? [];
    inCommunity.push(org);
    orgsByCommunity.set(community.code, inCommunity);
    const inStreet = orgsByStreet.get(community.parentCode!) ?? [];
    inStreet.push(org);
    orgsByStreet.set(community.parentCode!, inStreet);
  }

  const people: Person[] = [];
  const memberships: Membership[] = [];
  const activeMembers = new Map<string, Membership[]>();
  const leaderOf = new Map<string, string>();
  const poolByCommunity = new Map<string, string[]>();
  const newPerson = (community: string): string => {
    // age mean 65, sd 9, clipped 18–90: ≈ 70% aged 60+ (DOMAIN §11 asks for both mean 63 and 70% 60+; the share wins)
    const age = Math.round(Math.min(90, Math.max(18, rng.normal(65, 9))));
    const person: Person = {
      id: sid("per", people.length + 1, 7),
      fullName: personName((items) => rng.pick(items)),
      phone: rng.chance(0.7) ? `100-0000-${String(rng.int(0, 9999)).padStart(4, "0")}` : null, // the unassigned range
      birthYear: 2022 - age,
      residentAreaCode: rng.pick(compoundsByCommunity.get(community)!),
      consentPublicName: rng.chance(0.1),
    };
    people.push(person);
    const pool = poolByCommunity.get(community) ?? [];
    pool.push(person.id);
    poolByCommunity.set(community, pool);
    return person.id;
  };
  for (const org of organizations) {
    const size = rng.lognormalInt(10, 0.6, 3, 80); // lognormal, median 10, range 3–80 (DOMAIN §11)
    const level = rng.weighted(BENCH);
    const deputy = level === "LOW" ? 1 : 0;
    const backbone = Math.min(size - 1 - deputy, level === "LOW" ? rng.int(1, 4) : level === "MEDIUM" ? 1 : 0);
    const joinedFrom = org.foundedOn ?? "2021-06-01";
    const span = Math.max(1, Math.round((Date.parse(`${TODAY}T00:00:00Z`) - Date.parse(`${joinedFrom}T00:00:00Z`)) / 86_400_000) - 10);
    const chosen = new Set<string>();
    const active: Membership[] = [];
    for (let k = 0; k < size; k++) {
      const pool = poolByCommunity.get(org.homeAreaCode) ?? [];
      // ≈ 15% of people belong to more than one organization (DOMAIN §3.2): some slots go to a neighbour already in one
      let personId = k > 0 && pool.length > 20 && rng.chance(0.19) ? rng.pick(pool) : null;
      if (!personId || chosen.has(personId)) personId = newPerson(org.homeAreaCode);
      chosen.add(personId);
      const role = k === 0 ? MemberRole.LEADER : k <= deputy ? MemberRole.DEPUTY : k <= deputy + backbone ? MemberRole.BACKBONE : rng.chance(0.7) ? MemberRole.MEMBER : MemberRole.VOLUNTEER;
      const joinedOn = k < 3 ? joinedFrom : addDays(joinedFrom, rng.int(0, span));
      // a few members have left: their rows stay as history (DOMAIN §3.2)
      const leftOn = role === MemberRole.MEMBER && rng.chance(0.04) ? addDays(joinedOn, rng.int(1, 90)) : null;
      const membership: Membership = { id: sid("mem", memberships.length + 1, 7), organizationId: org.id, personId, role, joinedOn, leftOn: leftOn && leftOn < TODAY ? leftOn : null };
      memberships.push(membership);
      if (!membership.leftOn) active.push(membership);
      if (k === 0) leaderOf.set(org.id, personId);
    }
    activeMembers.set(org.id, active);
  }
  return { areas, streets, communities, compoundsByCommunity, districtOf, organizations, people, memberships, activeMembers, orgsByCommunity, orgsByStreet, leaderOf };
}
