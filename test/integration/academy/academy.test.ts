import { academySubgraph } from "@subgraphs/academy/subgraph";
import { AcademyLevel } from "@subgraphs/academy/academies";
import { CourseStatus, CourseTopic, OfferingStatus } from "@subgraphs/academy/courses";
import { Enrollment, EnrollmentStatus } from "@subgraphs/academy/enrollment";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { expectNoGrowth } from "@test/support/statements";
import { Claims } from "@platform/identity";
import { addTestAcademy, addTestCourse, addTestEnrollment, addTestOffering, addTestSessions, enrollmentRow, leaderOf, PARTNER, staffOf } from "./fixtures";

let subgraph: RunningSubgraph;

// An academy tree of the test's own: a city academy, its district academy with a project-design course (and a draft),
// and the district's township school with a backbone course and a finance course. The backbone course's spring
// offering has four booked Tuesday sessions and three seats taken: two by a club's deputy and leader, one by another club.
const SPRING_DAYS = ["2022-03-22", "2022-03-29", "2022-04-12", "2022-04-19"];
const CLUB = "org_t_club";
const OTHER_CLUB = "org_t_other_club";

beforeAll(async () => {
  subgraph = await startTestSubgraph(academySubgraph);
  const db = subgraph.db;
  await addTestAcademy(db, "city", { name: "测试市社区治理学院", level: AcademyLevel.CITY, areaCode: "349900" });
  await addTestAcademy(db, "district", { name: "测试区社区治理学院", level: AcademyLevel.DISTRICT, areaCode: "349901", parentId: "acad_t_city" });
  await addTestAcademy(db, "town", { name: "测试街道社区治理学校", areaCode: "349901S01", parentId: "acad_t_district" });
  await addTestCourse(db, "pdme", { academyId: "acad_t_district", title: "公益创投项目设计、管理与评估", topic: CourseTopic.PROJECT_DESIGN_MGMT_EVAL, totalMinutes: 360, requiresAssignment: true });
  await addTestCourse(db, "pdme_next", { academyId: "acad_t_district", status: CourseStatus.DRAFT });
  await addTestCourse(db, "backbone", { academyId: "acad_t_town", code: "T-BACKBONE", title: "骨干培养与团队传承", topic: CourseTopic.BACKBONE_SUCCESSION, totalMinutes: 480, minAttendanceRatio: 0.8 });
  await addTestCourse(db, "finance", { academyId: "acad_t_town", code: "T-FINANCE", title: "社区社会组织财务公开与规范运作", topic: CourseTopic.FINANCE_TRANSPARENCY, totalMinutes: 180 });
  await addTestOffering(db, "spring", {
    courseId: "crs_t_backbone",
    label: "2022年春季第1期",
    capacity: 30, waitlistCap: 10, maxSeatsPerOrg: 2,
    enrollmentOpensAt: new Date("2022-03-01T00:00:00+08:00"),
    enrollmentClosesAt: new Date("2022-03-20T23:59:00+08:00"),
  });
  await addTestSessions(db, "spring", "off_t_spring", SPRING_DAYS);
  await addTestEnrollment(db, "spring_club_deputy", { offeringId: "off_t_spring", personId: "per_t_club_deputy", organizationId: CLUB });
  await addTestEnrollment(db, "spring_club_leader", { offeringId: "off_t_spring", personId: "per_t_club_leader", organizationId: CLUB });
  await addTestEnrollment(db, "spring_other_leader", { offeringId: "off_t_spring", personId: "per_t_other_club_leader", organizationId: OTHER_CLUB });
});
afterAll(() => subgraph?.stop());

const query = (q: string, variables: Record<string, unknown> = {}, claims: Partial<Claims> = {}) => signedRequest(subgraph.url, q, variables, claims).then((r) => r.body);
/** Staff of the city academy: they read the records of every academy under it (DOMAIN §9.1). */
const CITY_STAFF = staffOf("acad_t_city");

/** A test academy with one draft course and `offerings` offerings, open and draft in turn, under ids with `tag` in them. */
async function insertAcademy(tag: string, offerings: number): Promise<string[]> {
  const academyId = await addTestAcademy(subgraph.db, tag, { parentId: "acad_t_district" });
  const courseId = await addTestCourse(subgraph.db, tag, { academyId, totalMinutes: 60, status: CourseStatus.DRAFT }); // minAttendanceRatio left to the column default
  const ids: string[] = [];
  for (let i = 0; i < offerings; i++) {
    ids.push(
      await addTestOffering(subgraph.db, `${tag}_${String(i).padStart(2, "0")}`, {
        courseId, label: `第${i + 1}期`, capacity: 20, waitlistCap: 5,
        enrollmentOpensAt: new Date("2022-05-01T00:00:00+08:00"), enrollmentClosesAt: new Date("2022-05-10T00:00:00+08:00"),
        status: i % 2 ? OfferingStatus.DRAFT : OfferingStatus.OPEN,
      }),
    );
  }
  return ids;
}

describe("an academy tree", () => {
  test("the township academy shows its place in the academy tree and its courses", async () => {
    const body = await query(`{
      academy(id: "acad_t_town") {
        id name level area { code } operator { id }
        parent { id name level parent { id level parent { id } } }
        courses { id code title topic audience totalMinutes minAttendanceRatio requiresAssignment status academy { id } }
        archived: courses(status: [ARCHIVED]) { id }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const academy = body.data.academy;
    expect(academy).toMatchObject({ id: "acad_t_town", name: "测试街道社区治理学校", level: "TOWNSHIP", area: { code: "349901S01" }, operator: null });
    expect(academy.parent).toEqual({ id: "acad_t_district", name: "测试区社区治理学院", level: "DISTRICT", parent: { id: "acad_t_city", level: "CITY", parent: null } });
    expect(academy.courses.map((c: { id: string }) => c.id).sort()).toEqual(["crs_t_backbone", "crs_t_finance"]);
    const backbone = academy.courses.find((c: { id: string }) => c.id === "crs_t_backbone");
    expect(backbone).toMatchObject({ title: "骨干培养与团队传承", topic: "BACKBONE_SUCCESSION", totalMinutes: 480, minAttendanceRatio: 0.8, status: "PUBLISHED", academy: { id: "acad_t_town" } });
    expect(academy.archived).toEqual([]);
  });

  test("the district academy teaches the 6-hour project design course", async () => {
    const body = await query(`{ academy(id: "acad_t_district") { courses(status: [PUBLISHED]) { id title topic totalMinutes } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.academy.courses).toEqual([{ id: "crs_t_pdme", title: "公益创投项目设计、管理与评估", topic: "PROJECT_DESIGN_MGMT_EVAL", totalMinutes: 360 }]);
  });

  test("the spring backbone offering has its window, four booked Tuesday sessions and three enrolled", async () => {
    const body = await query(`{
      courseOffering(id: "off_t_spring") {
        id label capacity waitlistCap maxSeatsPerOrg enrollmentOpensAt enrollmentClosesAt status
        course { id title offerings(status: [OPEN]) { id } }
        sessions { id seq startsAt endsAt mode status booking { id } offering { id } }
        enrolledCount waitlistCount
      }
    }`);
    expect(body.errors).toBeUndefined();
    const offering = body.data.courseOffering;
    expect(offering).toMatchObject({
      label: "2022年春季第1期", capacity: 30, waitlistCap: 10, maxSeatsPerOrg: 2, status: "OPEN",
      enrollmentOpensAt: "2022-03-01T00:00:00.000+08:00", enrollmentClosesAt: "2022-03-20T23:59:00.000+08:00",
      course: { id: "crs_t_backbone", title: "骨干培养与团队传承", offerings: [{ id: "off_t_spring" }] },
      enrolledCount: 3, waitlistCount: 0,
    });
    expect(offering.sessions).toEqual(
      SPRING_DAYS.map((day, i) => ({
        id: `ses_t_spring_${i + 1}`, seq: i + 1,
        startsAt: `${day}T14:00:00.000+08:00`, endsAt: `${day}T16:00:00.000+08:00`,
        mode: "ONSITE", status: "BOOKED", booking: { id: `bkg_t_spring_${i + 1}` }, offering: { id: "off_t_spring" },
      })),
    );
  });

  test("lists the open offerings of an academy; an academy without any gives an empty page", async () => {
    const body = await query(`{
      town: offerings(academyId: "acad_t_town", status: [OPEN]) { totalCount nodes { id } edges { node { id } } pageInfo { hasNextPage } }
      city: offerings(academyId: "acad_t_city") { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.town).toEqual({ totalCount: 1, nodes: [{ id: "off_t_spring" }], edges: [{ node: { id: "off_t_spring" } }], pageInfo: { hasNextPage: false } });
    expect(body.data.city).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

test("pages through offerings with first/after and filters them by status", async () => {
  const ids = await insertAcademy("paging", 5);
  const page = (after: string | null) =>
    query(`query($after: String) { offerings(academyId: "acad_t_paging", first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, { after });
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 3; i++) {
    const body = await page(after);
    expect(body.errors).toBeUndefined();
    expect(body.data.offerings.totalCount).toBe(5);
    seen.push(...body.data.offerings.nodes.map((n: { id: string }) => n.id));
    expect(body.data.offerings.pageInfo.hasNextPage).toBe(i < 2);
    after = body.data.offerings.pageInfo.endCursor;
  }
  expect(seen).toEqual(ids);
  const course = await query(`{ academy(id: "acad_t_paging") { courses { minAttendanceRatio } } }`);
  expect(course.data.academy.courses).toEqual([{ minAttendanceRatio: 0.8 }]);
  const drafts = await query(`{ offerings(academyId: "acad_t_paging", status: [DRAFT]) { totalCount nodes { id status } } }`);
  expect(drafts.data.offerings).toEqual({ totalCount: 2, nodes: [{ id: ids[1], status: "DRAFT" }, { id: ids[3], status: "DRAFT" }] });
});

describe("references", () => {
  test("resolves every owned entity through _entities; unknown and wrong-kind ids are null", async () => {
    const body = await query(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Academy { id name } ... on Course { id code } ... on CourseOffering { id label }
        ... on CourseSession { id seq } ... on Enrollment { id status person { id } organization { id } offering { id } }
      } }`,
      {
        reps: [
          { __typename: "Academy", id: "acad_t_city" },
          { __typename: "Course", id: "crs_t_finance" },
          { __typename: "CourseOffering", id: "off_t_spring" },
          { __typename: "CourseSession", id: "ses_t_spring_3" },
          { __typename: "Enrollment", id: "enr_t_spring_other_leader" },
          { __typename: "Academy", id: "acad_t_nope" },
          { __typename: "CourseOffering", id: "room_t_any" },
          { __typename: "Enrollment", id: "not an id" },
        ],
      },
      CITY_STAFF,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { id: "acad_t_city", name: "测试市社区治理学院" },
      { id: "crs_t_finance", code: "T-FINANCE" },
      { id: "off_t_spring", label: "2022年春季第1期" },
      { id: "ses_t_spring_3", seq: 3 },
      { id: "enr_t_spring_other_leader", status: "ENROLLED", person: { id: "per_t_other_club_leader" }, organization: { id: OTHER_CLUB }, offering: { id: "off_t_spring" } },
      null,
      null,
      null,
    ]);
  });

  test("contributes Organization.enrollments, filtered by status; a malformed organization id is null", async () => {
    const body = await query(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Organization { id enrollments { id status person { id } offering { id } } waitlisted: enrollments(status: [WAITLISTED]) { id } }
      } }`,
      {
        reps: [
          { __typename: "Organization", id: CLUB },
          { __typename: "Organization", id: OTHER_CLUB },
          { __typename: "Organization", id: "org_t_nope" },
          { __typename: "Organization", id: "acad_t_city" },
        ],
      },
      CITY_STAFF,
    );
    expect(body.errors).toBeUndefined();
    const [club, otherClub, unknown, wrongKind] = body.data._entities;
    expect(club.enrollments).toEqual([
      { id: "enr_t_spring_club_deputy", status: "ENROLLED", person: { id: "per_t_club_deputy" }, offering: { id: "off_t_spring" } },
      { id: "enr_t_spring_club_leader", status: "ENROLLED", person: { id: "per_t_club_leader" }, offering: { id: "off_t_spring" } },
    ]);
    expect(club.waitlisted).toEqual([]);
    expect(otherClub.enrollments.map((e: { id: string }) => e.id)).toEqual(["enr_t_spring_other_leader"]);
    expect(unknown).toEqual({ id: "org_t_nope", enrollments: [], waitlisted: [] });
    expect(wrongKind).toBeNull();
  });
});

test("Organization.enrollments costs the same SQL statements for 50 organizations as for 5", async () => {
  const [offeringId] = await insertAcademy("stmt", 1);
  const orgIds = Array.from({ length: 50 }, (_, i) => `org_stmt_${String(i).padStart(2, "0")}`);
  await subgraph.db.getRepository(Enrollment).insert(
    orgIds.flatMap((org, i) =>
      [0, 1].map((k) =>
        enrollmentRow(`stmt_${i}_${k}`, { offeringId, personId: `per_stmt_${i}_${k}`, organizationId: org, status: k ? EnrollmentStatus.WAITLISTED : EnrollmentStatus.ENROLLED, waitlistPosition: k ? i + 1 : null }),
      ),
    ),
  );
  const run = async (orgs: string[]) => {
    let body: Awaited<ReturnType<typeof query>> = {};
    const statements = await countStatements(subgraph.db, async () => {
      body = await query(
        `query($reps: [_Any!]!) { _entities(representations: $reps) {
          ... on Organization { id enrollments(status: [ENROLLED, WAITLISTED]) { id status person { id } organization { id } offering { id label enrolledCount waitlistCount } } }
        } }`,
        { reps: orgs.map((id) => ({ __typename: "Organization", id })) },
        CITY_STAFF,
      );
    });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toHaveLength(orgs.length);
    for (const entity of body.data._entities) {
      expect(entity.enrollments).toHaveLength(2);
      expect(entity.enrollments[0].offering).toEqual({ id: offeringId, label: "第1期", enrolledCount: 50, waitlistCount: 50 });
    }
    return statements;
  };
  const few = await run(orgIds.slice(0, 5));
  const many = await run(orgIds);
  expectNoGrowth(few, many);
  expect(many).toBeLessThanOrEqual(7); // enrollments, offerings, seat counts; for academy staff also courses and the academy line (three levels)
});

describe("who reads Organization.enrollments (DOMAIN §9.2: FA Agg; SS/CS, SUP s; OL own; OM own; AC; the rest none)", () => {
  const enrollmentsOf = (reps: Record<string, unknown>[], claims: Partial<Claims>) =>
    query(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { id enrollments { id } } } }`, { reps }, claims);
  const ids = (body: Awaited<ReturnType<typeof query>>) => body.data._entities.map((e: { enrollments: { id: string }[] }) => e.enrollments.map((x) => x.id));
  const CLUB_IN = { __typename: "Organization", id: CLUB, homeArea: { code: "349901S01C01" } };
  const CLUB_SEATS = ["enr_t_spring_club_deputy", "enr_t_spring_club_leader"];

  test.each([
    ["anonymous callers", {}],
    ["partners", PARTNER],
    ["a token with only a person", { personId: "per_t_someone" }],
    ["the federation admin (aggregates only: the offering's seat counts)", { personId: "per_t_fa", roles: ["FEDERATION_ADMIN"], areaCodes: ["349900"] }],
    ["a reviewer, a programme officer, a venue admin", { personId: "per_t_x", roles: ["REVIEWER", "PROGRAM_OFFICER", "VENUE_ADMIN"], applicationIds: ["app_t_x"], programIds: ["prg_t_x"], facilityIds: ["fac_t_x"] }],
    ["the leader of another organization", leaderOf(OTHER_CLUB)],
    ["a supervisor assigned elsewhere", { personId: "per_t_sup", roles: ["SUPERVISOR"], orgIds: [OTHER_CLUB] }],
    ["street staff of another street", { personId: "per_t_ss", roles: ["STREET_STAFF"], areaCodes: ["349901S02"] }],
    ["street staff with a wildcard area code (an empty one never reaches a subgraph: its identity is refused)", { personId: "per_t_ss", roles: ["STREET_STAFF"], areaCodes: ["%"] }],
    ["academy staff of another academy", staffOf("acad_t_elsewhere")],
    ["an instructor (no session assignments in tokens yet)", { personId: "per_t_ins", roles: ["INSTRUCTOR"], academyIds: ["acad_t_town"] }],
  ] as [string, Partial<Claims>][])("%s see none of the club's", async (_who, claims) => {
    expect(ids(await enrollmentsOf([CLUB_IN], claims))).toEqual([[]]);
  });

  test.each([
    ["its leader", leaderOf(CLUB), CLUB_SEATS],
    ["its supervisor", { personId: "per_t_sup", roles: ["SUPERVISOR"], orgIds: [CLUB] }, CLUB_SEATS],
    ["street staff of its street", { personId: "per_t_ss", roles: ["STREET_STAFF"], areaCodes: ["349901S01"] }, CLUB_SEATS],
    ["staff of the township school, or of the district academy above it", { personId: "per_t_ac", roles: ["ACADEMY_STAFF"], academyIds: ["acad_t_district"] }, CLUB_SEATS],
    ["a member: their own seat only", { personId: "per_t_club_deputy", roles: ["ORG_MEMBER"], orgIds: [CLUB] }, ["enr_t_spring_club_deputy"]],
  ] as [string, Partial<Claims>, string[]][])("%s reads them", async (_who, claims, seats) => {
    expect(ids(await enrollmentsOf([CLUB_IN], claims))).toEqual([seats]);
  });

  test("street staff need the organization's home area (the gateway sends it, @requires): without it, none", async () => {
    const staff: Partial<Claims> = { personId: "per_t_ss", roles: ["STREET_STAFF"], areaCodes: ["349901S01"] };
    expect(ids(await enrollmentsOf([{ __typename: "Organization", id: CLUB }], staff))).toEqual([[]]);
    expect(ids(await enrollmentsOf([{ __typename: "Organization", id: CLUB, homeArea: { code: "349901S01C01; DROP" } }], staff))).toEqual([[]]);
  });
});

describe("bad input", () => {
  test.each([
    ["a malformed academy id", `{ academy(id: "not an id") { id } }`],
    ["a room id where an academy id is expected", `{ academy(id: "room_t_any") { id } }`],
    ["an academy id where an offering id is expected", `{ courseOffering(id: "acad_t_city") { id } }`],
    ["an organization id as academyId", `{ offerings(academyId: "org_t_club") { totalCount } }`],
    ["an unknown academyId", `{ offerings(academyId: "acad_t_nope") { totalCount } }`],
    ["a page of 10000", `{ offerings(first: 10000) { totalCount } }`],
    ["a cursor from elsewhere", `{ offerings(after: "garbage") { totalCount } }`],
  ])("%s is BAD_USER_INPUT", async (_what, operation) => {
    const body = await query(operation);
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("an unknown but well-formed id is null", async () => {
    const body = await query(`{ academy(id: "acad_t_nope") { id } courseOffering(id: "off_t_nope") { id } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ academy: null, courseOffering: null });
  });
});

test("Booking.courseSession: the academy names the session a venue booking holds, batched", async () => {
  const reps = (ids: string[]) => ids.map((id) => ({ __typename: "Booking", id }));
  const q = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Booking { id courseSession { seq offering { label } } } } }`;
  const body = await query(q, { reps: reps(["bkg_t_spring_2", "bkg_t_no_session", "org_t_club"]) });
  expect(body.errors).toBeUndefined();
  expect(body.data._entities).toEqual([{ id: "bkg_t_spring_2", courseSession: { seq: 2, offering: { label: "2022年春季第1期" } } }, { id: "bkg_t_no_session", courseSession: null }, null]);
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `bkg_t_spring_${(i % 4) + 1}`);
  const few = await countStatements(subgraph.db, () => query(q, { reps: reps(ids(5)) }));
  const many = await countStatements(subgraph.db, () => query(q, { reps: reps(ids(50)) }));
  expectNoGrowth(few, many);
});
