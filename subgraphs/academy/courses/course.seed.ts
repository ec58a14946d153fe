import { DataSource } from "typeorm";
import { Academy } from "../academies/academy.entity";
import { CourseOffering } from "./course-offering.entity";
import { CourseSession } from "../sessions/course-session.entity";
import { Course } from "./course.entity";
import { Enrollment } from "../enrollment/enrollment.entity";
import { AcademyLevel, AudienceRole, CourseStatus, CourseTopic, EnrollmentStatus, OfferingStatus, SessionMode, SessionStatus } from "./course.enums";

// DOMAIN §10.5. Area codes match the organizations seed (§10.1); no academy operator is in that seed yet.
const ACADEMIES: Academy[] = [
  { id: "acad_hf", name: "合肥社区治理学院", level: AcademyLevel.CITY, areaCode: "340100", parentId: null, operatorOrgId: null },
  { id: "acad_bh", name: "包河区社区治理学院", level: AcademyLevel.DISTRICT, areaCode: "340111", parentId: "acad_hf", operatorOrgId: null },
  { id: "acad_cq", name: "常青街道社区治理学校", level: AcademyLevel.TOWNSHIP, areaCode: "340111X01", parentId: "acad_bh", operatorOrgId: null },
];

// Course codes, audiences and the finance course's length are [INF placeholder]s.
const COURSES: Course[] = [
  { id: "crs_pdme", academyId: "acad_bh", code: "BH-PDME", title: "公益创投项目设计、管理与评估", topic: CourseTopic.PROJECT_DESIGN_MGMT_EVAL, audience: [AudienceRole.ORG_LEADER, AudienceRole.BACKBONE, AudienceRole.SOCIAL_WORKER], totalMinutes: 360, minAttendanceRatio: 0.8, requiresAssignment: true, status: CourseStatus.PUBLISHED },
  { id: "crs_backbone", academyId: "acad_cq", code: "CQ-BACKBONE", title: "骨干培养与团队传承", topic: CourseTopic.BACKBONE_SUCCESSION, audience: [AudienceRole.ORG_LEADER, AudienceRole.BACKBONE], totalMinutes: 4 * 120, minAttendanceRatio: 0.8, requiresAssignment: false, status: CourseStatus.PUBLISHED },
  { id: "crs_finance", academyId: "acad_cq", code: "CQ-FINANCE", title: "社区社会组织财务公开与规范运作", topic: CourseTopic.FINANCE_TRANSPARENCY, audience: [AudienceRole.ORG_LEADER, AudienceRole.BACKBONE, AudienceRole.ORG_MEMBER], totalMinutes: 180, minAttendanceRatio: 0.8, requiresAssignment: false, status: CourseStatus.PUBLISHED },
];

const OFFERINGS: CourseOffering[] = [
  {
    id: "off_bs2022s1",
    courseId: "crs_backbone",
    label: "2022年春季第1期",
    capacity: 30,
    waitlistCap: 10,
    maxSeatsPerOrg: 2,
    enrollmentOpensAt: new Date("2022-03-01T00:00:00+08:00"),
    enrollmentClosesAt: new Date("2022-03-20T23:59:00+08:00"),
    status: OfferingStatus.OPEN,
  },
];

// Tuesdays 14:00–16:00 at the 常青街道社工站 培训室; 04-05 (清明) is deliberately not scheduled (DOMAIN §10.5).
// The venues seed holds bookings bkg_bs2022s1_1…4 under exactly these ids.
const SESSION_DAYS = ["2022-03-22", "2022-03-29", "2022-04-12", "2022-04-19"];
const SESSIONS: CourseSession[] = SESSION_DAYS.map((day, i) => ({
  id: `ses_bs2022s1_${i + 1}`,
  offeringId: "off_bs2022s1",
  seq: i + 1,
  startsAt: new Date(`${day}T14:00:00+08:00`),
  endsAt: new Date(`${day}T16:00:00+08:00`),
  mode: SessionMode.ONSITE,
  status: SessionStatus.BOOKED,
  bookingId: `bkg_bs2022s1_${i + 1}`,
}));

// Only people and organizations of the organizations seed (§10.2).
const enrolled = (id: string, personId: string, organizationId: string): Enrollment => ({
  id,
  offeringId: "off_bs2022s1",
  personId,
  organizationId,
  status: EnrollmentStatus.ENROLLED,
  waitlistPosition: null,
  offerExpiresAt: null,
  attendedMinutes: 0,
});
const ENROLLMENTS: Enrollment[] = [
  enrolled("enr_bs_lzl_deputy", "per_lzl_deputy", "org_lezhulin"),
  enrolled("enr_bs_jq_leader", "per_liu_leader", "org_jiaqiao"),
  enrolled("enr_bs_lzl_leader", "per_zhang_leader", "org_lezhulin"),
];

/** Loads the academy part of the demo data (DOMAIN §10.5) once, into an empty store. */
export async function seedAcademy(db: DataSource): Promise<void> {
  if ((await db.getRepository(Academy).count()) > 0) return;
  await db.transaction(async (tx) => {
    await tx.getRepository(Academy).insert(ACADEMIES);
    await tx.getRepository(Course).insert(COURSES);
    await tx.getRepository(CourseOffering).insert(OFFERINGS);
    await tx.getRepository(CourseSession).insert(SESSIONS);
    await tx.getRepository(Enrollment).insert(ENROLLMENTS);
  });
}
