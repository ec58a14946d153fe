import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { rowsGroupedByKey, statusFilterArgs } from "../../kit/loaders";
import { CourseOffering } from "./course-offering.entity";
import { Course } from "./course.entity";
import { CourseStatus, OfferingStatus } from "./course.enums";

/** Courses per academy, optionally of some statuses. */
export const coursesByAcademy = (ctx: HubContext, statuses: CourseStatus[] | null | undefined) => {
  const status = statusFilterArgs(statuses);
  return ctx.loaders.get<string, Course[]>(
    "coursesByAcademy",
    (ids) => rowsGroupedByKey(ctx.db, Course, "academyId", ids, { where: status ? { status: In(status) } : undefined, order: { code: "ASC", id: "ASC" } }),
    status,
  );
};

/** Offerings per course, optionally of some statuses, earliest enrollment window first. */
export const offeringsByCourse = (ctx: HubContext, statuses: OfferingStatus[] | null | undefined) => {
  const status = statusFilterArgs(statuses);
  return ctx.loaders.get<string, CourseOffering[]>(
    "offeringsByCourse",
    (ids) =>
      rowsGroupedByKey(ctx.db, CourseOffering, "courseId", ids, { where: status ? { status: In(status) } : undefined, order: { enrollmentOpensAt: "ASC", id: "ASC" } }),
    status,
  );
};
