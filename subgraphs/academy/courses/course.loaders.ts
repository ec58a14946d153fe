import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey, groupByKey } from "../../kit/loaders";
import { CourseOffering } from "./course-offering.entity";
import { Course } from "./course.entity";
import { CourseStatus, OfferingStatus } from "./course.enums";

/** A status filter as a loader signature: null for "any", else sorted and unique, so [A, B] and [B, A] share a batch. */
export function statusArgs<S extends string>(statuses: readonly S[] | null | undefined): S[] | null {
  return statuses?.length ? [...new Set(statuses)].sort() : null;
}

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
