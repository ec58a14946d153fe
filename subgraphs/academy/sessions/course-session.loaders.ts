import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { byKey, groupByKey } from "../../kit/loaders";
import { CourseSession } from "./course-session.entity";

/** Sessions by id. */
export const sessionById = (ctx: HubContext) =>
  ctx.loaders.get<string, CourseSession | null>("sessionById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(CourseSession).findBy({ id: In([...ids]) }), (s) => s.id),
  );

/** Sessions per offering in teaching order. */
export const sessionsByOffering = (ctx: HubContext) =>
  ctx.loaders.get<string, CourseSession[]>("sessionsByOffering", async (ids) => {
    const rows = await ctx.db.getRepository(CourseSession).find({ where: { offeringId: In([...ids]) }, order: { seq: "ASC" } });
    return groupByKey(ids, rows, (s) => s.offeringId);
  });

/** The course session a venue booking holds, if any: `Booking.courseSession` for the venue day board (Q15). */
export const sessionByBooking = (ctx: HubContext) =>
  ctx.loaders.get<string, CourseSession | null>("sessionByBooking", async (ids) =>
    byKey(ids, await ctx.db.getRepository(CourseSession).findBy({ bookingId: In([...ids]) }), (s) => s.bookingId as string),
  );
