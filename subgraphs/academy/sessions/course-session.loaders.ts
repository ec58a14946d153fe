import { HubContext } from "../../kit/context";
import { rowsGroupedByKey } from "../../kit/loaders";
import { CourseSession } from "./course-session.entity";

/** Sessions per offering in teaching order. */
export const sessionsByOffering = (ctx: HubContext) =>
  ctx.loaders.get<string, CourseSession[]>("sessionsByOffering", (ids) => rowsGroupedByKey(ctx.db, CourseSession, "offeringId", ids, { order: { seq: "ASC" } }));
