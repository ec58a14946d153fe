import { DataSource } from "typeorm";
import { Claims } from "@platform/identity";
import { ActivityType, ServiceActivity, VerificationStatus, VolunteerHourLine } from "@subgraphs/organizations/activities";
import { Area, AreaLevel, HubType, LegalForm, MemberRole, Membership, OrgCategory, OrgForm, OrgStatus, Organization, Person } from "@subgraphs/organizations/directory";
import { FederationMembership } from "@subgraphs/organizations/federation-membership";
import { FederationMembershipStatus } from "@subgraphs/organizations/federation-membership/federation-membership.enums";
import { FilingEvent, FilingRecord, FilingStatus } from "@subgraphs/organizations/filing";
import { RatingStatus } from "@subgraphs/organizations/rating";
import { aGradeValidUntil } from "@subgraphs/organizations/rating/a-grade.rules";
import { AGradeRecord } from "@subgraphs/organizations/rating/a-grade-record.entity";
import { IndicatorScore } from "@subgraphs/organizations/rating/indicator-score.entity";
import { RatingEvaluation } from "@subgraphs/organizations/rating/rating-evaluation.entity";
import { RatingPanelist } from "@subgraphs/organizations/rating/rating-panelist.entity";
import { RatingScheme } from "@subgraphs/organizations/rating/rating-scheme.entity";
import { AGrade } from "@subgraphs/organizations/rating/rating.enums";
import { DEFAULT_RATING_SCHEME } from "@subgraphs/organizations/rating/rating.seed";
import { SupervisionAssignment } from "@subgraphs/organizations/supervision";
import { SupervisionVisit } from "@subgraphs/organizations/supervision/supervision-visit.entity";
import { SupervisionVisitType } from "@subgraphs/organizations/supervision/supervision.enums";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest } from "@kit/testing";

/**
 * Rows of the test's own for the organizations subgraph: areas under a test city (`990000`, not in the demo),
 * organizations `org_t_<key>` with a roster `per_t_<key>_<i>` / `mem_t_<key>_<i>`, filings `fil_t_<key>`,
 * supervision assignments `sup_t_<key>`, federation memberships `fmem_t_<key>`. Start the subgraph without the demo
 * seed (`startTestSubgraph(organizationsSubgraph)`) and build what the test needs.
 */

/** The demo's today (DOMAIN §10): Saturday 2022-03-12 09:00 in Shanghai. */
export const DEMO_NOW = new Date("2022-03-12T09:00:00+08:00");

export const TEST_CITY = "990000";
export const TEST_DISTRICT = "990100";

/** An area under `parentCode` (which must exist, unless it is the test city); its path follows the parent's. */
export async function addArea(db: DataSource, code: string, options: { name?: string; level?: AreaLevel; parentCode?: string | null } = {}): Promise<string> {
  const repo = db.getRepository(Area);
  if (await repo.existsBy({ code })) return code;
  const parentCode = options.parentCode === undefined ? parentOf(code) : options.parentCode;
  let path = `${code}/`;
  if (parentCode) {
    if (!(await repo.existsBy({ code: parentCode }))) await addArea(db, parentCode);
    path = `${(await repo.findOneByOrFail({ code: parentCode })).path}${code}/`;
  }
  await repo.insert({ code, name: options.name ?? `测试区域${code}`, level: options.level ?? levelOf(code), parentCode, path });
  return code;
}

// the test geography: 990000 city → 990100 district → 990100S<KEY> street → …C01 community
const parentOf = (code: string) => (code === TEST_CITY ? null : code === TEST_DISTRICT ? TEST_CITY : code.endsWith("C01") ? code.slice(0, -3) : TEST_DISTRICT);
const levelOf = (code: string) => (code === TEST_CITY ? AreaLevel.CITY : code === TEST_DISTRICT ? AreaLevel.DISTRICT : code.endsWith("C01") ? AreaLevel.COMMUNITY : AreaLevel.STREET);

/** A test street `990100S<KEY>` with its one community `990100S<KEY>C01` (key: up to 8 letters/digits). */
export async function addStreet(db: DataSource, key: string, name = `测试街道${key}`): Promise<{ street: string; community: string }> {
  const street = `${TEST_DISTRICT}S${key.toUpperCase()}`;
  await addArea(db, street, { name, level: AreaLevel.STREET, parentCode: TEST_DISTRICT });
  const community = await addArea(db, `${street}C01`, { name: `${name}社区`, level: AreaLevel.COMMUNITY, parentCode: street });
  return { street, community };
}

export const personId = (key: string, i: number) => `per_t_${key}_${i}`;
export const membershipId = (key: string, i: number) => `mem_t_${key}_${i}`;

export type TestOrganization = { orgId: string; leaderId: string; memberIds: string[]; membershipIds: string[] };

/**
 * An organization of the test's own, `org_t_<key>`: an ACTIVE informal team in `homeAreaCode` (made if missing) with
 * `members` people (default 5), the first its LEADER, the rest MEMBER unless `roles` says otherwise. People are born
 * in `birthYears[i]` (default 1960), named 测试<key><i>.
 */
export async function addOrganization(
  db: DataSource,
  key: string,
  options: Partial<Omit<Organization, "id">> & { members?: number; roles?: MemberRole[]; birthYears?: (number | null)[]; joinedOn?: string; phones?: boolean } = {},
): Promise<TestOrganization> {
  const { members = 5, roles, birthYears, joinedOn = "2021-01-01", phones, ...org } = options;
  const orgId = `org_t_${key}`;
  const homeAreaCode = org.homeAreaCode ?? (await addStreet(db, "HOME")).community;
  if (!(await db.getRepository(Area).existsBy({ code: homeAreaCode }))) await addArea(db, homeAreaCode);
  await db.getRepository(Organization).insert({
    id: orgId, name: `测试组织${key}`, legalForm: LegalForm.INFORMAL, orgForm: OrgForm.TEAM, category: OrgCategory.VOLUNTEER_SERVICE, secondaryCategories: [],
    hubType: null, status: OrgStatus.ACTIVE, foundedOn: null, serviceAreaCodes: [], unifiedSocialCreditCode: null, ...org, homeAreaCode,
  });
  const indexes = Array.from({ length: members }, (_, i) => i + 1);
  const memberIds = indexes.map((i) => personId(key, i));
  const membershipIds = indexes.map((i) => membershipId(key, i));
  if (members) {
    await db.getRepository(Person).insert(indexes.map((i) => ({
      id: personId(key, i), fullName: `测试${key}${i}`, phone: phones ? `100-9999-${String(i).padStart(4, "0")}` : null,
      birthYear: birthYears?.[i - 1] === undefined ? 1960 : birthYears[i - 1], residentAreaCode: null, consentPublicName: false,
    })));
    await db.getRepository(Membership).insert(indexes.map((i) => ({
      id: membershipId(key, i), organizationId: orgId, personId: personId(key, i), role: roles?.[i - 1] ?? (i === 1 ? MemberRole.LEADER : MemberRole.MEMBER), joinedOn, leftOn: null,
    })));
  }
  return { orgId, leaderId: memberIds[0] ?? "", memberIds, membershipIds };
}

/** A person of the test's own (`per_t_<key>`), not a member of anything. */
export async function addPerson(db: DataSource, key: string, options: Partial<Omit<Person, "id">> = {}): Promise<string> {
  const id = `per_t_${key}`;
  await db.getRepository(Person).insert({ id, fullName: `测试${key}`, phone: null, birthYear: 1960, residentAreaCode: null, consentPublicName: false, ...options });
  return id;
}

/** More members for an organization: people `per_t_<key>_<from…to>` with memberships in `orgId`. */
export async function addMembers(db: DataSource, orgId: string, key: string, from: number, to: number, role = MemberRole.MEMBER, joinedOn = "2021-01-01"): Promise<string[]> {
  const indexes = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  await db.getRepository(Person).insert(indexes.map((i) => ({ id: personId(key, i), fullName: `测试${key}${i}`, phone: null, birthYear: 1960, residentAreaCode: null, consentPublicName: false })));
  await db.getRepository(Membership).insert(indexes.map((i) => ({ id: membershipId(key, i), organizationId: orgId, personId: personId(key, i), role, joinedOn, leftOn: null })));
  return indexes.map((i) => membershipId(key, i));
}

/** A federation (联合会) hub of the test's own, `org_t_<key>`, PREPARING unless told, with `members` people. */
export const addFederation = (db: DataSource, key: string, options: Parameters<typeof addOrganization>[2] = {}) =>
  addOrganization(db, key, { legalForm: LegalForm.FILED, orgForm: OrgForm.ASSOCIATION, category: OrgCategory.HUB, hubType: HubType.FEDERATION, status: OrgStatus.PREPARING, members: 1, ...options });

/** The statuses a filing passed through to reach `status`, in order (the events a reader of the history sees). */
const PATH: FilingStatus[] = [FilingStatus.SUBMITTED, FilingStatus.COMMUNITY_REVIEWED, FilingStatus.STREET_REVIEW, FilingStatus.FILED];

/**
 * A filing `fil_t_<key>` of `orgId` before `authorityAreaCode`, in `status` (default DRAFT) with one event per step
 * that led there (from SUBMITTED on), the SUBMITTED one by `submittedBy` when given. FILED filings get a number and a
 * filing day unless given.
 */
export async function addFiling(
  db: DataSource,
  key: string,
  orgId: string,
  authorityAreaCode: string,
  options: Partial<Omit<FilingRecord, "id" | "organizationId" | "authorityAreaCode">> & { submittedBy?: string } = {},
): Promise<string> {
  const { submittedBy = null, ...filing } = options;
  const id = `fil_t_${key}`;
  const status = options.status ?? FilingStatus.DRAFT;
  const filed = status === FilingStatus.FILED;
  await db.getRepository(FilingRecord).insert({
    id, organizationId: orgId, authorityAreaCode, status, filingNo: filed ? `T-BA-2021-${key.slice(0, 8)}` : null,
    submittedAt: status === FilingStatus.DRAFT ? null : new Date("2022-01-10T02:00:00Z"), filedOn: filed ? "2021-06-01" : null,
    declaredMemberCount: status === FilingStatus.DRAFT ? 0 : 10, charterDocumentUrl: `https://docs.hub.example/charters/${orgId}.pdf`, venueDeclared: true, ...filing,
  });
  const steps = PATH.indexOf(status) + 1;
  const from = [FilingStatus.DRAFT, ...PATH];
  const roles = ["ORG_LEADER", "COMMUNITY_STAFF", "STREET_STAFF", "STREET_STAFF"];
  if (steps > 0) {
    await db.getRepository(FilingEvent).insert(PATH.slice(0, steps).map((to, i) => ({
      id: `fev_t_${key}_${i + 1}`, filingId: id, at: new Date(Date.UTC(2022, 0, 10 + i, 2)), from: from[i], to, actorPersonId: i === 0 ? submittedBy : null, actorRole: roles[i], comment: null,
    })));
  }
  return id;
}

export type TestVisit = { date: string; type: SupervisionVisitType; notes?: string | null; shareWithLeader?: boolean };

/**
 * A supervision assignment `sup_t_<key>`: `supervisorPersonId` of the agency `agencyOrgId` supervises `orgId` since
 * `since`, with `visits` `svis_t_<key>_<i>` (notes null and not shared with the leader unless told), recorded on their day.
 */
export async function addSupervision(
  db: DataSource,
  key: string,
  seed: { organizationId: string; agencyOrgId: string; supervisorPersonId: string; since?: string; until?: string | null; visits?: TestVisit[] },
): Promise<string> {
  const { visits = [], ...assignment } = seed;
  const id = `sup_t_${key}`;
  await db.getRepository(SupervisionAssignment).insert({ id, since: "2020-01-01", until: null, cadence: null, ...assignment });
  if (visits.length) {
    await db.getRepository(SupervisionVisit).insert(visits.map((v, i) => ({
      id: `svis_t_${key}_${i + 1}`, assignmentId: id, date: v.date, type: v.type, notes: v.notes ?? null, shareWithLeader: v.shareWithLeader ?? false, recordedAt: new Date(`${v.date}T17:00:00+08:00`),
    })));
  }
  return id;
}

/** `memberId`'s membership `fmem_t_<key>` of the federation `federationId`, APPLIED unless told. */
export async function addFederationMembership(db: DataSource, key: string, federationId: string, memberId: string, status = FederationMembershipStatus.APPLIED): Promise<string> {
  const id = `fmem_t_${key}`;
  await db.getRepository(FederationMembership).insert({
    id, federationId, memberId, status, appliedAt: new Date("2022-02-01T02:00:00Z"), joinedOn: status === FederationMembershipStatus.APPLIED ? null : "2022-02-10", decidedAt: null, decidedByPersonId: null,
  });
  return id;
}

/** Callers as the gateway would sign them (DOMAIN §9.1). */
export const leaderOf = (orgId: string, personId = "per_t_leader"): Partial<Claims> => ({ personId, roles: ["ORG_LEADER"], orgIds: [orgId] });
export const memberOf = (orgId: string, personId = "per_t_member"): Partial<Claims> => ({ personId, roles: ["ORG_MEMBER"], orgIds: [orgId] });
export const supervisorOf = (orgIds: string[], personId = "per_t_supervisor"): Partial<Claims> => ({ personId, roles: ["SUPERVISOR"], orgIds });
export const streetStaffOf = (areaCode: string, personId = "per_t_street"): Partial<Claims> => ({ personId, roles: ["STREET_STAFF"], areaCodes: [areaCode] });
export const communityStaffOf = (areaCode: string, personId = "per_t_community"): Partial<Claims> => ({ personId, roles: ["COMMUNITY_STAFF"], areaCodes: [areaCode] });
export const federationAdmin = (orgIds: string[] = [], personId = "per_t_fa"): Partial<Claims> => ({ personId, roles: ["FEDERATION_ADMIN"], ...(orgIds.length ? { orgIds } : {}) });
export const academyStaff = (personId = "per_t_academy"): Partial<Claims> => ({ personId, roles: ["ACADEMY_STAFF"] });
export const PARTNER: Partial<Claims> = { roles: ["PARTNER"] };
export const ANONYMOUS: Partial<Claims> = {};

/** The roles of a typical roster of `n` (as in the demo's filing queue): a leader, a deputy, two backbone, the rest members. */
export const rosterRoles = (n: number): MemberRole[] =>
  Array.from({ length: n }, (_, i) => (i === 0 ? MemberRole.LEADER : i === 1 ? MemberRole.DEPUTY : i <= 3 ? MemberRole.BACKBONE : MemberRole.MEMBER));

/** The §3.8 default rating scheme (`v2022-pilot`), which evaluations name by version; once per store. */
export async function addRatingScheme(db: DataSource, scheme: RatingScheme = DEFAULT_RATING_SCHEME): Promise<string> {
  if (!(await db.getRepository(RatingScheme).existsBy({ version: scheme.version }))) await db.getRepository(RatingScheme).insert(scheme);
  return scheme.version;
}

/**
 * A rating evaluation `rat_t_<key>` of `orgId` under the default scheme: cycle 2022, OPEN, nothing scored unless told;
 * `panelists` sit on its panel and `scores` (indicator → score) are recorded as scored by the first panelist.
 */
export async function addRatingEvaluation(
  db: DataSource,
  key: string,
  orgId: string,
  options: Partial<Omit<RatingEvaluation, "id" | "organizationId">> & { panelists?: string[]; scores?: Record<string, number> } = {},
): Promise<string> {
  const { panelists = [], scores = {}, ...evaluation } = options;
  const id = `rat_t_${key}`;
  const schemeVersion = await addRatingScheme(db);
  await db.getRepository(RatingEvaluation).insert({
    id, organizationId: orgId, cycle: 2022, schemeVersion, status: RatingStatus.OPEN, totalScore: null, stars: null,
    publicNoticeFrom: null, publicNoticeTo: null, finalizedAt: null, validUntil: null, pilot: false, ...evaluation,
  });
  if (panelists.length) await db.getRepository(RatingPanelist).insert(panelists.map((personId) => ({ evaluationId: id, personId })));
  const maxOf = new Map(DEFAULT_RATING_SCHEME.indicators.map((i) => [i.code, i.max]));
  const scored = Object.entries(scores);
  if (scored.length) {
    await db.getRepository(IndicatorScore).insert(scored.map(([indicator, score]) => ({
      evaluationId: id, indicator, score, max: maxOf.get(indicator) ?? 0, comment: null, scoredBy: panelists[0] ?? "per_t_panelist", scoredAt: new Date("2022-03-01T02:00:00Z"),
    })));
  }
  return id;
}

/** An A-grade `agr_t_<key>` from civil affairs for `orgId`, valid five years from the award. */
export async function addAGrade(db: DataSource, key: string, orgId: string, grade: AGrade, awardedOn = "2020-06-30"): Promise<string> {
  const id = `agr_t_${key}`;
  await db.getRepository(AGradeRecord).insert({ id, organizationId: orgId, grade, awardedOn, validUntil: aGradeValidUntil(awardedOn) });
  return id;
}

export type TestActivity = Partial<Omit<ServiceActivity, "id" | "organizationId" | "serviceDay" | "startsAt" | "endsAt">> & {
  /** the service day and the Shanghai times it runs (default 2021-06-18, 09:00–11:30) */
  day?: string;
  from?: string;
  to?: string;
  /** volunteer lines `vline_t_<key>_<nn>`: person and minutes, the first the lead organizer and recorder unless told */
  lines?: [personId: string, minutes: number][];
};

/**
 * A service record `act_t_<key>` of `orgId` (version 1, current), SUPERVISOR_VERIFIED unless told, in the
 * organization's home area unless `areaCode` says otherwise; its volunteer minutes are the sum of its lines.
 */
export async function addActivity(db: DataSource, key: string, orgId: string, options: TestActivity = {}): Promise<string> {
  const { day = "2021-06-18", from = "09:00", to = "11:30", lines = [], ...activity } = options;
  const id = `act_t_${key}`;
  const areaCode = activity.areaCode ?? (await db.getRepository(Organization).findOneByOrFail({ id: orgId })).homeAreaCode;
  const endsAt = new Date(`${day}T${to}:00+08:00`);
  const first = lines[0]?.[0] ?? "per_t_recorder";
  await db.getRepository(ServiceActivity).insert({
    id, organizationId: orgId, title: "测试服务活动", type: ActivityType.HOME_VISIT, startsAt: new Date(`${day}T${from}:00+08:00`), endsAt, serviceDay: day, areaCode,
    bookingId: null, grantId: null, leadOrganizerId: first, recordedById: first, recordedAt: new Date(endsAt.getTime() + 3_600_000), beneficiaryVisits: 5,
    volunteerMinutes: lines.reduce((sum, [, minutes]) => sum + minutes, 0), verification: VerificationStatus.SUPERVISOR_VERIFIED, verifiedById: null, verifiedAt: null,
    verificationComment: null, version: 1, supersedesId: null, supersededById: null, correctionReason: null, ...activity,
  });
  if (lines.length) {
    await db.getRepository(VolunteerHourLine).insert(lines.map(([personId, minutes], k) => ({
      id: `vline_t_${key}_${String(k + 1).padStart(2, "0")}`, activityId: id, personId, serviceDay: day, minutes, role: k === 0 ? "负责" : "志愿者",
    })));
  }
  return id;
}

/** One signed request and the statements it cost; the answer must have no errors. */
export async function countedRequest(subgraph: RunningSubgraph, query: string, variables: Record<string, unknown>, claims: Partial<Claims>): Promise<{ count: number; data: any }> {
  let body: { data?: any; errors?: unknown[] } = {};
  const count = await countStatements(subgraph.db, async () => {
    body = (await signedRequest(subgraph.url, query, variables, claims)).body;
  });
  expect(body.errors).toBeUndefined();
  return { count, data: body.data };
}

/** `personId`'s membership `mem_t_<key>` of `orgId` in `role`. */
export async function addMembership(db: DataSource, key: string, orgId: string, personId: string, role = MemberRole.MEMBER, joinedOn = "2021-01-01"): Promise<string> {
  const id = `mem_t_${key}`;
  await db.getRepository(Membership).insert({ id, organizationId: orgId, personId, role, joinedOn, leftOn: null });
  return id;
}
