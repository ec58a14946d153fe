import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey, groupByKey } from "../../kit/loaders";
import { currentCertificate } from "../certificates/certificate.rules";
import { SeatCounts, tallySeats } from "../enrollment/seat-counts.rules";
import { Academy } from "../academies/academy.entity";
import { Certificate } from "../certificates/certificate.entity";
import { CourseOffering } from "./course-offering.entity";
import { CourseSession } from "../sessions/course-session.entity";
import { Course } from "./course.entity";
import { Enrollment } from "../enrollment/enrollment.entity";
import { CourseStatus, EnrollmentStatus, OfferingStatus } from "./course.enums";

/** A status filter as a loader signature: null for "any", else sorted and unique, so [A, B] and [B, A] share a batch. */
function statusArgs<S extends string>(statuses: readonly S[] | null | undefined): S[] | null {
  return statuses?.length ? [...new Set(statuses)].sort() : null;
}

/** Academies by id: references, parents and a course's academy. */
export const academyById = (ctx: HubContext) =>
  ctx.loaders.get<string, Academy | null>("academyById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Academy).findBy({ id: In([...ids]) }), (a) => a.id),
  );

/** Courses by id. */
export const courseById = (ctx: HubContext) =>
  ctx.loaders.get<string, Course | null>("courseById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Course).findBy({ id: In([...ids]) }), (c) => c.id),
  );

/** Offerings by id. */
export const offeringById = (ctx: HubContext) =>
  ctx.loaders.get<string, CourseOffering | null>("offeringById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(CourseOffering).findBy({ id: In([...ids]) }), (o) => o.id),
  );

/** Sessions by id. */
export const sessionById = (ctx: HubContext) =>
  ctx.loaders.get<string, CourseSession | null>("sessionById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(CourseSession).findBy({ id: In([...ids]) }), (s) => s.id),
  );

/** Enrollments by id. */
export const enrollmentById = (ctx: HubContext) =>
  ctx.loaders.get<string, Enrollment | null>("enrollmentById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Enrollment).findBy({ id: In([...ids]) }), (e) => e.id),
  );

/** Courses per academy, optionally of some statuses. */
export const coursesByAcademy = (ctx: HubContext, statuses: CourseStatus[] | null | undefined) => {
  const status = statusArgs(statuses);
  return ctx.loaders.get<string, Course[]>(
    "coursesByAcademy",
    async (ids) => {
      const where = status ? { academyId: In([...ids]), status: In(status) } : { academyId: In([...ids]) };
      const rows = await ctx.db.getRepository(Course).find({ where, order: { code: "ASC", id: "ASC" } });
      return groupByKey(ids, rows, (c) => c.academyId);
    },
    status,
  );
};

/** Offerings per course, optionally of some statuses, earliest enrollment window first. */
export const offeringsByCourse = (ctx: HubContext, statuses: OfferingStatus[] | null | undefined) => {
  const status = statusArgs(statuses);
  return ctx.loaders.get<string, CourseOffering[]>(
    "offeringsByCourse",
    async (ids) => {
      const where = status ? { courseId: In([...ids]), status: In(status) } : { courseId: In([...ids]) };
      const rows = await ctx.db.getRepository(CourseOffering).find({ where, order: { enrollmentOpensAt: "ASC", id: "ASC" } });
      return groupByKey(ids, rows, (o) => o.courseId);
    },
    status,
  );
};

/** Sessions per offering in teaching order. */
export const sessionsByOffering = (ctx: HubContext) =>
  ctx.loaders.get<string, CourseSession[]>("sessionsByOffering", async (ids) => {
    const rows = await ctx.db.getRepository(CourseSession).find({ where: { offeringId: In([...ids]) }, order: { seq: "ASC" } });
    return groupByKey(ids, rows, (s) => s.offeringId);
  });

/** Seat and waitlist counts per offering: one GROUP BY for every offering in the response. */
export const seatCountsByOffering = (ctx: HubContext) =>
  ctx.loaders.get<string, SeatCounts>("seatCountsByOffering", async (ids) => {
    const rows: { offeringId: string; status: EnrollmentStatus; count: string | number }[] = await ctx.db
      .getRepository(Enrollment)
      .createQueryBuilder("e")
      .select("e.offeringId", "offeringId")
      .addSelect("e.status", "status")
      .addSelect("COUNT(*)", "count")
      .where("e.offeringId IN (:...ids)", { ids: [...ids] })
      .groupBy("e.offeringId")
      .addGroupBy("e.status")
      .getRawMany();
    // COUNT(*) comes back as a string on MySQL
    const groups = groupByKey(ids, rows, (r) => r.offeringId);
    return groups.map((group) => tallySeats(group.map((r) => ({ status: r.status, count: Number(r.count) }))));
  });

/** Enrollments per organization, optionally of some statuses (Organization.enrollments). */
export const enrollmentsByOrganization = (ctx: HubContext, statuses: EnrollmentStatus[] | null | undefined) => {
  const status = statusArgs(statuses);
  return ctx.loaders.get<string, Enrollment[]>(
    "enrollmentsByOrganization",
    async (ids) => {
      const where = status ? { organizationId: In([...ids]), status: In(status) } : { organizationId: In([...ids]) };
      const rows = await ctx.db.getRepository(Enrollment).find({ where, order: { id: "ASC" } });
      return groupByKey(ids, rows, (e) => e.organizationId);
    },
    status,
  );
};

/** Certificates by id. */
export const certificateById = (ctx: HubContext) =>
  ctx.loaders.get<string, Certificate | null>("certificateById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Certificate).findBy({ id: In([...ids]) }), (c) => c.id),
  );

/** Certificates per person, oldest first, revoked ones included (Person.certificates). */
export const certificatesByPerson = (ctx: HubContext) =>
  ctx.loaders.get<string, Certificate[]>("certificatesByPerson", async (ids) => {
    const rows = await ctx.db.getRepository(Certificate).find({ where: { personId: In([...ids]) }, order: { issuedAt: "ASC", id: "ASC" } });
    return groupByKey(ids, rows, (c) => c.personId);
  });

/** The certificate of each enrollment, if any (Enrollment.certificate). */
export const certificateByEnrollment = (ctx: HubContext) =>
  ctx.loaders.get<string, Certificate | null>("certificateByEnrollment", async (ids) => {
    const rows = await ctx.db.getRepository(Certificate).findBy({ enrollmentId: In([...ids]) });
    return groupByKey(ids, rows, (c) => c.enrollmentId ?? "").map(currentCertificate);
  });

/** Distinct people per organization holding a valid certificate taken for it: one GROUP BY per batch. */
export const certifiedMemberCountByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, number>("certifiedMemberCountByOrganization", async (ids) => {
    const rows: { organizationId: string; count: string | number }[] = await ctx.db
      .getRepository(Certificate)
      .createQueryBuilder("c")
      .select("c.organizationId", "organizationId")
      .addSelect("COUNT(DISTINCT c.personId)", "count")
      .where("c.organizationId IN (:...ids)", { ids: [...ids] })
      .andWhere("c.revoked = :revoked", { revoked: false })
      .groupBy("c.organizationId")
      .getRawMany();
    // COUNT comes back as a string on MySQL
    const counts = new Map(rows.map((r) => [r.organizationId, Number(r.count)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });

/** The course session a venue booking holds, if any: `Booking.courseSession` for the venue day board (Q15). */
export const sessionByBooking = (ctx: HubContext) =>
  ctx.loaders.get<string, CourseSession | null>("sessionByBooking", async (ids) =>
    byKey(ids, await ctx.db.getRepository(CourseSession).findBy({ bookingId: In([...ids]) }), (s) => s.bookingId as string),
  );
