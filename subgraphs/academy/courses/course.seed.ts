import { DataSource } from "typeorm";
import { CourseOffering } from "./course-offering.entity";
import { Course } from "./course.entity";
import { AudienceRole, CourseStatus, CourseTopic, OfferingStatus } from "./course.enums";

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

/** The courses and offerings of the demo data (DOMAIN §10.5). */
export async function seedCourses(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.getRepository(Course).insert(COURSES);
    await tx.getRepository(CourseOffering).insert(OFFERINGS);
  });
}
