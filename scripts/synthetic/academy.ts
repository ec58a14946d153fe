import { Academy } from "../../subgraphs/academy/academies";
import { Course, CourseOffering, OfferingStatus } from "../../subgraphs/academy/courses";
import { Enrollment, EnrollmentStatus } from "../../subgraphs/academy/enrollment";
import { CourseSession, SessionMode, SessionStatus } from "../../subgraphs/academy/sessions";
import { addDays } from "../../subgraphs/kit/days";
import { MemberRole, OrgStatus } from "../../subgraphs/organizations/directory";
import { BookingStatus } from "../../subgraphs/venues/bookings";
import { AcademyPlan } from "./academy-plan";
import { at, NOW } from "./calendar";
import { World } from "./manifest";
import { Rng } from "./rng";
import { sid } from "./volumes";
import { VenueRows } from "./venues";

export interface AcademyRows {
  academies: Academy[];
  courses: Course[];
  offerings: CourseOffering[];
  sessions: CourseSession[];
  enrollments: Enrollment[];
}

interface Candidate {
  personId: string;
  organizationId: string;
}

/**
 * The academies' rows: sessions at the times venues booked for them (an onsite session that found no room
 * NEEDS_VENUE), and enrollments by leaders and backbone members of active organizations in the academy's area: one per
 * person and offering, at most maxSeatsPerOrg per organization, seats ≤ capacity and the rest waitlisted ≤ waitlistCap
 * (DOMAIN §8.4); 20% of offerings are oversubscribed (§11). Statuses follow the offering's dates against the demo's today.
 */
export function generateAcademy(seed: number, world: World, plan: AcademyPlan, venues: VenueRows): AcademyRows {
  const rng = Rng.forPart(seed, "academy");
  const courseById = new Map(plan.courses.map((c) => [c.id, c]));
  const areaOf = new Map(plan.academies.map((a) => [a.id, a.areaCode]));
  const pathOf = new Map(world.areas.map((a) => [a.code, a.path]));
  const candidatesByStreet = new Map<string, Candidate[]>();
  for (const org of world.organizations) {
    if (org.status !== OrgStatus.ACTIVE) continue;
    const street = pathOf.get(org.homeAreaCode)!.split("/").slice(-3, -2)[0];
    const list = candidatesByStreet.get(street) ?? [];
    for (const m of world.activeMembers.get(org.id)!) {
      if (m.role === MemberRole.LEADER || m.role === MemberRole.DEPUTY || m.role === MemberRole.BACKBONE) list.push({ personId: m.personId, organizationId: org.id });
    }
    candidatesByStreet.set(street, list);
  }
  const candidatesIn = new Map<string, Candidate[]>();
  const candidatesFor = (areaCode: string): Candidate[] => {
    let list = candidatesIn.get(areaCode);
    if (!list) {
      list = world.streets.filter((s) => s.path.includes(`${areaCode}/`)).flatMap((s) => candidatesByStreet.get(s.code) ?? []);
      candidatesIn.set(areaCode, list);
    }
    return list;
  };

  const offerings: CourseOffering[] = [];
  const sessions: CourseSession[] = [];
  const enrollments: Enrollment[] = [];
  for (const plan_ of plan.offerings) {
    const course = courseById.get(plan_.courseId)!;
    const own: CourseSession[] = plan_.sessions.map((s) => {
      const booked = venues.sessionBookings.get(s.sessionId);
      const day = booked?.day ?? s.day;
      const startsAt = at(day, s.startMinute);
      const endsAt = at(day, s.endMinute);
      const past = endsAt <= NOW;
      const status = s.online ? (past ? SessionStatus.HELD : SessionStatus.PLANNED) : !booked ? SessionStatus.NEEDS_VENUE : past && booked.status === BookingStatus.COMPLETED ? SessionStatus.HELD : SessionStatus.BOOKED;
      return { id: s.sessionId, offeringId: plan_.id, seq: s.seq, startsAt, endsAt, mode: s.online ? SessionMode.ONLINE : SessionMode.ONSITE, status, bookingId: booked?.bookingId ?? null };
    });
    sessions.push(...own);
    const first = own[0].startsAt;
    const last = own[own.length - 1].endsAt;
    const phase = last <= NOW ? "done" : first <= NOW ? "running" : "upcoming";
    const heldMinutes = own.filter((s) => s.endsAt <= NOW).length * 120;

    // enrollment opens 90 days before the first session: an offering further out than that has no one yet (DRAFT)
    const opensAt = at(addDays(plan_.firstDay, -90), 9 * 60);
    const opened = opensAt <= NOW;
    const oversubscribed = rng.chance(0.2);
    const wanted = oversubscribed ? plan_.capacity + rng.int(1, plan_.waitlistCap) : Math.round(plan_.capacity * (0.6 + 0.4 * rng.next()));
    const perOrg = new Map<string, number>();
    const chosen: Candidate[] = [];
    const seen = new Set<string>();
    for (const c of opened ? rng.sample(candidatesFor(areaOf.get(plan_.academyId)!), wanted * 3) : []) {
      if (chosen.length >= wanted) break;
      if (seen.has(c.personId) || (perOrg.get(c.organizationId) ?? 0) >= 2) continue; // one per person; maxSeatsPerOrg 2
      seen.add(c.personId);
      perOrg.set(c.organizationId, (perOrg.get(c.organizationId) ?? 0) + 1);
      chosen.push(c);
    }
    const seats = Math.min(plan_.capacity, chosen.length);
    chosen.forEach((c, k) => {
      const waitlisted = k >= seats;
      let status: EnrollmentStatus;
      let attended = 0;
      if (phase === "done") {
        status = waitlisted ? EnrollmentStatus.EXPIRED : (rng.weighted({ COMPLETED: 85, INCOMPLETE: 10, WITHDRAWN: 5 }) as EnrollmentStatus);
        if (status === EnrollmentStatus.COMPLETED) attended = Math.max(Math.ceil(course.totalMinutes * course.minAttendanceRatio), course.totalMinutes - 120 * rng.int(0, 1));
        if (status === EnrollmentStatus.INCOMPLETE) attended = 120 * rng.int(0, Math.floor((course.totalMinutes * course.minAttendanceRatio - 1) / 120));
      } else {
        status = waitlisted ? EnrollmentStatus.WAITLISTED : EnrollmentStatus.ENROLLED;
        attended = waitlisted ? 0 : Math.max(0, heldMinutes - 120 * rng.int(0, 1));
      }
      enrollments.push({
        id: sid("enr", enrollments.length + 1, 6),
        offeringId: plan_.id,
        personId: c.personId,
        organizationId: c.organizationId,
        status,
        waitlistPosition: status === EnrollmentStatus.WAITLISTED ? k - seats + 1 : null,
        offerExpiresAt: null,
        attendedMinutes: attended,
      });
    });
    const full = seats >= plan_.capacity;
    offerings.push({
      id: plan_.id,
      courseId: plan_.courseId,
      label: plan_.label,
      capacity: plan_.capacity,
      waitlistCap: plan_.waitlistCap,
      maxSeatsPerOrg: 2,
      enrollmentOpensAt: opensAt,
      enrollmentClosesAt: at(addDays(plan_.firstDay, -2), 17 * 60),
      status: phase === "done" ? OfferingStatus.COMPLETED : phase === "running" ? OfferingStatus.RUNNING : !opened ? OfferingStatus.DRAFT : full ? OfferingStatus.FULL : OfferingStatus.OPEN,
    });
  }
  const academies = plan.academies.map(({ venue: _venue, ...academy }) => academy);
  return { academies, courses: plan.courses, offerings, sessions, enrollments };
}
