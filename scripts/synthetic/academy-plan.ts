import { Academy, AcademyLevel } from "../../subgraphs/academy/academies";
import { AudienceRole, Course, CourseStatus, CourseTopic } from "../../subgraphs/academy/courses";
import { addDays } from "../../subgraphs/kit/days";
import { LegalForm, Organization, OrgStatus } from "../../subgraphs/organizations/directory";
import { weekdayOf } from "../../subgraphs/venues/facilities";
import { BOOKINGS_FROM } from "./calendar";
import { World } from "./manifest";
import { Rng } from "./rng";
import { sid, Volumes } from "./volumes";

/** Where an academy teaches: its own campus (city and district academies) or its street's social-work station. */
export type Venue = { kind: "campus"; academyId: string } | { kind: "station"; streetCode: string };

/** A weekly session the academy wants a room for; venues books it (or finds no room) before academy writes it. */
export interface SessionPlan {
  sessionId: string;
  offeringId: string;
  seq: number;
  day: string;
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
  online: boolean;
}

export interface OfferingPlan {
  id: string;
  courseId: string;
  academyId: string;
  venue: Venue;
  label: string;
  capacity: number;
  waitlistCap: number;
  firstDay: string;
  sessions: SessionPlan[];
}

/** The academies' half of the schedule, made before venues so their sessions get rooms first. */
export interface AcademyPlan {
  academies: (Academy & { venue: Venue })[];
  courses: Course[];
  offerings: OfferingPlan[];
}

const TOPICS: [CourseTopic, string][] = [
  [CourseTopic.PROJECT_DESIGN_MGMT_EVAL, "公益创投项目设计、管理与评估"],
  [CourseTopic.ORG_GOVERNANCE, "社区社会组织内部治理"],
  [CourseTopic.VOLUNTEER_MGMT, "志愿者招募与管理"],
  [CourseTopic.FINANCE_TRANSPARENCY, "社区社会组织财务公开与规范运作"],
  [CourseTopic.NEEDS_ASSESSMENT, "社区需求调研与评估"],
  [CourseTopic.BACKBONE_SUCCESSION, "骨干培养与团队传承"],
  [CourseTopic.COMMUNITY_PARTICIPATION, "参与社区协商议事"],
  [CourseTopic.DIGITAL_SKILLS, "智能手机与线上活动组织"],
  [CourseTopic.SAFETY, "活动安全与应急处置"],
];

const bookable = (o: Organization) => o.status === OrgStatus.ACTIVE && o.legalForm !== LegalForm.INFORMAL;

// DOMAIN §4, §11 [INF]: one academy per city, district and street (68 at scale 1 where §11 says ≈ 80)
export function planAcademies(seed: number, volumes: Volumes, world: World): AcademyPlan {
  const rng = Rng.forPart(seed, "academy-plan");
  const academies: AcademyPlan["academies"] = [];
  const byCode = new Map(world.areas.map((a) => [a.code, a]));
  const operatorIn = (areaCode: string): string | null => {
    const candidates = world.organizations.filter((o) => byCode.get(o.homeAreaCode)!.path.includes(`${areaCode}/`) && bookable(o));
    return candidates.length ? rng.pick(candidates).id : null;
  };
  const idOfArea = new Map<string, string>();
  const add = (areaCode: string, level: AcademyLevel, parentArea: string | null, name: string) => {
    const id = sid("acad", academies.length + 1, 3);
    idOfArea.set(areaCode, id);
    const venue: Venue = level === AcademyLevel.TOWNSHIP ? { kind: "station", streetCode: areaCode } : { kind: "campus", academyId: id };
    academies.push({ id, name, level, areaCode, parentId: parentArea ? idOfArea.get(parentArea) ?? null : null, operatorOrgId: null, venue });
  };
  const streetsUnder = (code: string) => world.streets.filter((s) => s.path.includes(`${code}/`));
  for (const city of world.areas.filter((a) => a.level === "CITY")) if (streetsUnder(city.code).length) add(city.code, AcademyLevel.CITY, null, `${city.name}社区治理学院`);
  for (const district of world.areas.filter((a) => a.level === "DISTRICT")) {
    if (streetsUnder(district.code).length) add(district.code, AcademyLevel.DISTRICT, district.parentCode, `${district.name}社区治理学院`);
  }
  for (const street of world.streets) add(street.code, AcademyLevel.TOWNSHIP, world.districtOf.get(street.code)!, `${street.name}社区治理学校`);
  // the booking organization of an academy's sessions: an eligible organization of its area that runs it (operator)
  for (const academy of academies) academy.operatorOrgId = operatorIn(academy.areaCode) ?? rng.pick(world.organizations.filter(bookable)).id;

  const courseCount = Math.max(academies.length, Math.round(volumes.offerings * 0.3));
  const courses: (Course & { sessions: number })[] = [];
  for (let c = 0; c < courseCount; c++) {
    const academy = academies[c % academies.length];
    const [topic, title] = rng.pick(TOPICS);
    const sessions = rng.int(4, 6);
    courses.push({
      id: sid("crs", c + 1, 4),
      academyId: academy.id,
      code: `${academy.id.slice(5).toUpperCase()}-${String(c + 1).padStart(4, "0")}`,
      title,
      topic,
      audience: topic === CourseTopic.BACKBONE_SUCCESSION ? [AudienceRole.BACKBONE] : [AudienceRole.ORG_LEADER, AudienceRole.BACKBONE],
      totalMinutes: sessions * 120,
      minAttendanceRatio: 0.8,
      requiresAssignment: rng.chance(0.2),
      status: CourseStatus.PUBLISHED,
      sessions,
    });
  }

  const offerings: OfferingPlan[] = [];
  let sessionNo = 0;
  const TERM_DAYS = 300; // first sessions from 2021-09-01 on, so every offering ends by the close of the bookings' year
  for (let o = 0; o < volumes.offerings; o++) {
    const course = courses[o % courses.length];
    const academy = academies.find((a) => a.id === course.academyId)!;
    let firstDay = addDays(BOOKINGS_FROM, rng.int(0, TERM_DAYS));
    const weekday = rng.pick(["TUE", "WED", "THU", "FRI"]);
    while (weekdayOf(firstDay) !== weekday) firstDay = addDays(firstDay, 1);
    const morning = rng.chance(0.4);
    const id = sid("off", o + 1, 4);
    const online = rng.chance(0.08);
    offerings.push({
      id,
      courseId: course.id,
      academyId: academy.id,
      venue: academy.venue,
      label: `${firstDay.slice(0, 4)}年第${o + 1}期`,
      capacity: rng.int(15, 30),
      waitlistCap: rng.int(5, 10),
      firstDay,
      // weekly, 2 h, 09:00–11:00 or 14:00–16:00 (the demo's 骨干培养 hours, DOMAIN §10.5)
      sessions: Array.from({ length: course.sessions }, (_, k) => ({
        sessionId: sid("ses", ++sessionNo, 5),
        offeringId: id,
        seq: k + 1,
        day: addDays(firstDay, 7 * k),
        startMinute: morning ? 9 * 60 : 14 * 60,
        endMinute: morning ? 11 * 60 : 16 * 60,
        online,
      })),
    });
  }
  return { academies, courses: courses.map(({ sessions: _sessions, ...course }) => course), offerings };
}
