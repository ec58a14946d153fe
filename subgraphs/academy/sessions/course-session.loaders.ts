import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey } from "../../kit/loaders";
import { CourseSession } from "./course-session.entity";

/** Sessions per offering in teaching order. */
export const sessionsByOffering = (ctx: HubContext) =>
  ctx.loaders.get<string, CourseSession[]>("sessionsByOffering", async (ids) => {
    const rows = await ctx.db.getRepository(CourseSession).find({ where: { offeringId: In([...ids]) }, order: { seq: "ASC" } });
    return groupByKey(ids, rows, (s) => s.offeringId);
  });
