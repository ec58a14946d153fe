import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey, statusFilterArgs } from "../../kit/loaders";
import { CourseOffering } from "./course-offering.entity";
import { Course } from "./course.entity";
import { CourseStatus, OfferingStatus } from "./course.enums";

/** Courses per academy, optionally of some statuses. */
export const coursesByAcademy = (ctx: HubContext, statuses: CourseStatus[] | null | undefined) => {
  const status = statusFilterArgs(statuses);
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
  const status = statusFilterArgs(statuses);
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
