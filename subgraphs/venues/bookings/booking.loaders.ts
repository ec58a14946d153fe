import { HubContext } from "../../kit/context";
import { groupByKey } from "../../kit/loaders";
import { Booking } from "./booking.entity";
import { BookingStatus } from "./booking.enums";

/** What narrows `Organization.bookings`: an already validated instant interval and stored statuses. */
export interface BookingFilter {
  start: Date | null;
  end: Date | null;
  statuses: BookingStatus[] | null;
}

/** Bookings per organization that start in `[start, end)` and have one of the statuses; one loader per filter. */
export const bookingsByOrganization = (ctx: HubContext, filter: BookingFilter) =>
  ctx.loaders.get<string, Booking[]>(
    "bookingsByOrganization",
    async (ids) => {
      const query = ctx.db.getRepository(Booking).createQueryBuilder("b").where("b.organizationId IN (:...ids)", { ids: [...ids] });
      if (filter.start) query.andWhere("b.startsAt >= :start", { start: filter.start });
      if (filter.end) query.andWhere("b.startsAt < :end", { end: filter.end });
      if (filter.statuses) query.andWhere("b.status IN (:...statuses)", { statuses: filter.statuses });
      const rows = await query.orderBy("b.startsAt", "ASC").addOrderBy("b.id", "ASC").getMany();
      return groupByKey(ids, rows, (b) => b.organizationId);
    },
    { start: filter.start?.toISOString() ?? null, end: filter.end?.toISOString() ?? null, statuses: filter.statuses },
  );

/** Bookings of each room that overlap `[start, end)`, any status, in start order. */
export const bookingsByRoom = (ctx: HubContext, interval: { start: Date; end: Date }) =>
  ctx.loaders.get<string, Booking[]>(
    "bookingsByRoom",
    async (ids) => {
      const rows = await ctx.db
        .getRepository(Booking)
        .createQueryBuilder("b")
        .where("b.roomId IN (:...ids)", { ids: [...ids] })
        .andWhere("b.startsAt < :end AND b.endsAt > :start", interval)
        .orderBy("b.startsAt", "ASC")
        .addOrderBy("b.id", "ASC")
        .getMany();
      return groupByKey(ids, rows, (b) => b.roomId);
    },
    { start: interval.start.toISOString(), end: interval.end.toISOString() },
  );
