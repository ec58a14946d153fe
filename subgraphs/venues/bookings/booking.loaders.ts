import { HubContext } from "../../kit/context";
import { And, FindOptionsWhere, In, LessThan, MoreThanOrEqual } from "typeorm";
import { groupByKey, rowsGroupedByKey } from "../../kit/loaders";
import { MINUTE_MS } from "../../kit/days";
import { Booking } from "./booking.entity";
import { MAX_BOOKING_MINUTES } from "./duration.rules";
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
    (ids) => {
      const bounds = [...(filter.start ? [MoreThanOrEqual(filter.start)] : []), ...(filter.end ? [LessThan(filter.end)] : [])];
      const where: FindOptionsWhere<Booking> = {};
      if (bounds.length) where.startsAt = bounds.length === 1 ? bounds[0] : And(...bounds);
      if (filter.statuses) where.status = In(filter.statuses);
      return rowsGroupedByKey(ctx.db, Booking, "organizationId", ids, { where, order: { startsAt: "ASC", id: "ASC" } });
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
        // a booking lasts at most a day (C4): the lower bound keeps the (roomId, startsAt) range to the interval
        .andWhere("b.startsAt < :end AND b.startsAt > :earliest AND b.endsAt > :start", { ...interval, earliest: new Date(interval.start.getTime() - MAX_BOOKING_MINUTES * MINUTE_MS) })
        .orderBy("b.startsAt", "ASC")
        .addOrderBy("b.id", "ASC")
        .getMany();
      return groupByKey(ids, rows, (b) => b.roomId);
    },
    { start: interval.start.toISOString(), end: interval.end.toISOString() },
  );
