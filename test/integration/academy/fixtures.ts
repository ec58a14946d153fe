import { DataSource } from "typeorm";
import { Claims } from "@platform/identity";
import { Academy, AcademyLevel } from "@subgraphs/academy/academies";
import { Course, CourseOffering, CourseStatus, CourseTopic, OfferingStatus } from "@subgraphs/academy/courses";
import { Enrollment, EnrollmentStatus } from "@subgraphs/academy/enrollment";
import { CourseSession, SessionMode, SessionStatus } from "@subgraphs/academy/sessions";

// Factories for rows of the test's own, with readable ids (`acad_t_<key>`, `crs_t_<key>`, …). Areas are made up
// (district 349901 of the city 349900), which the demo data does not use.

/** An academy (`acad_t_<key>`): a township school of the made-up street 349901S01 without parent unless changed. */
export async function addTestAcademy(
  db: DataSource,
  key: string,
  options: { name?: string; level?: AcademyLevel; areaCode?: string; parentId?: string | null; operatorOrgId?: string | null } = {},
): Promise<string> {
  const id = `acad_t_${key}`;
  await db.getRepository(Academy).insert({
    id,
    name: options.name ?? `测试学院${key}`,
    level: options.level ?? AcademyLevel.TOWNSHIP,
    areaCode: options.areaCode ?? "349901S01",
    parentId: options.parentId ?? null,
    operatorOrgId: options.operatorOrgId ?? null,
  });
  return id;
}

/**
 * A course (`crs_t_<key>`) of an academy: a published 2-hour safety course unless changed. Without
 * `minAttendanceRatio` the column's default applies.
 */
export async function addTestCourse(
  db: DataSource,
  key: string,
  course: { academyId: string } & Partial<Omit<Course, "id" | "academyId">>,
): Promise<string> {
  const id = `crs_t_${key}`;
  await db.getRepository(Course).insert({
    id,
    code: `T-${key.toUpperCase()}`,
    title: `测试课程${key}`,
    topic: CourseTopic.SAFETY,
    audience: [],
    totalMinutes: 120,
    requiresAssignment: false,
    status: CourseStatus.PUBLISHED,
    ...course,
  });
  return id;
}

/** An offering (期, `off_t_<key>`) of a course: open for 30 with 10 waitlist places, 2 seats per organization, enrolling in March 2022 unless changed. */
export async function addTestOffering(db: DataSource, key: string, offering: { courseId: string } & Partial<Omit<CourseOffering, "id" | "courseId">>): Promise<string> {
  const id = `off_t_${key}`;
  await db.getRepository(CourseOffering).insert({
    id,
    label: `测试第${key}期`,
    capacity: 30, waitlistCap: 10, maxSeatsPerOrg: 2,
    enrollmentOpensAt: new Date("2022-03-01T00:00:00+08:00"),
    enrollmentClosesAt: new Date("2022-03-20T23:59:00+08:00"),
    status: OfferingStatus.OPEN,
    ...offering,
  });
  return id;
}

/**
 * The sessions of an offering (`ses_t_<key>_1…`), one a day from–to in teaching order, on site; each BOOKED in
 * the venue booking `bkg_t_<key>_<seq>` unless changed.
 */
export async function addTestSessions(
  db: DataSource,
  key: string,
  offeringId: string,
  days: string[],
  options: { from?: string; to?: string; mode?: SessionMode; status?: SessionStatus } = {},
): Promise<{ sessionIds: string[]; bookingIds: string[] }> {
  const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
  const rows: CourseSession[] = days.map((day, i) => ({
    id: `ses_t_${key}_${i + 1}`,
    offeringId,
    seq: i + 1,
    startsAt: at(day, options.from ?? "14:00"),
    endsAt: at(day, options.to ?? "16:00"),
    mode: options.mode ?? SessionMode.ONSITE,
    status: options.status ?? SessionStatus.BOOKED,
    bookingId: (options.status ?? SessionStatus.BOOKED) === SessionStatus.BOOKED ? `bkg_t_${key}_${i + 1}` : null,
  }));
  await db.getRepository(CourseSession).insert(rows);
  return { sessionIds: rows.map((r) => r.id), bookingIds: rows.map((r) => r.bookingId as string) };
}

/** An enrollment (`enr_t_<key>`) of a person for an organization in an offering: ENROLLED with nothing attended unless changed. */
export function enrollmentRow(key: string, seat: { offeringId: string; personId: string; organizationId: string } & Partial<Enrollment>): Enrollment {
  return { id: `enr_t_${key}`, status: EnrollmentStatus.ENROLLED, waitlistPosition: null, offerExpiresAt: null, attendedMinutes: 0, ...seat };
}

export async function addTestEnrollment(db: DataSource, key: string, seat: Parameters<typeof enrollmentRow>[1]): Promise<string> {
  const row = enrollmentRow(key, seat);
  await db.getRepository(Enrollment).insert(row);
  return row.id;
}

// ---- callers as the gateway would sign them (DOMAIN §9.1) ------------------------------------------------------

/** `org_t_x` → `per_t_x_<role>`: the person a test claims to be for an organization or academy. */
const personFor = (id: string, role: string) => `per_${id.slice(id.indexOf("_") + 1)}_${role}`;

/** A signed-in person with no role (a certificate holder, say). */
export const person = (personId: string): Partial<Claims> => ({ personId });
/** The organization's leader. */
export const leaderOf = (organizationId: string): Partial<Claims> => ({ personId: personFor(organizationId, "leader"), roles: ["ORG_LEADER"], orgIds: [organizationId] });
/** Staff of an academy (学院工作人员). */
export const staffOf = (academyId: string): Partial<Claims> => ({ personId: personFor(academyId, "staff"), roles: ["ACADEMY_STAFF"], academyIds: [academyId] });
/** A partner front-end: sees no certificates. */
export const PARTNER: Partial<Claims> = { roles: ["PARTNER"] };
