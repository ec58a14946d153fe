import { Brackets, In } from "typeorm";
import { HubContext } from "../kit/context";
import { byKey, groupByKey } from "../kit/loaders";
import { candidatePrefixes, subtreePrefix } from "./domain/area-subtree";
import { Booking } from "./entities/booking.entity";
import { Facility } from "./entities/facility.entity";
import { Room } from "./entities/room.entity";
import { BookingStatus, FacilityType } from "./types/enums";

/** Facilities by id: references, `Room.facility` and the `facility` root. */
export const facilityById = (ctx: HubContext) =>
  ctx.loaders.get<string, Facility | null>("facilityById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Facility).findBy({ id: In([...ids]) }), (f) => f.id),
  );

/** Rooms by id: references and `Booking.room`. */
export const roomById = (ctx: HubContext) =>
  ctx.loaders.get<string, Room | null>("roomById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Room).findBy({ id: In([...ids]) }), (r) => r.id),
  );

/** Bookings by id: references from the academy (course sessions) and organizations (activities). */
export const bookingById = (ctx: HubContext) =>
  ctx.loaders.get<string, Booking | null>("bookingById", async (ids) =>
    byKey(ids, await ctx.db.getRepository(Booking).findBy({ id: In([...ids]) }), (b) => b.id),
  );

/** Rooms per facility, in id order. */
export const roomsByFacility = (ctx: HubContext) =>
  ctx.loaders.get<string, Room[]>("roomsByFacility", async (ids) => {
    const rows = await ctx.db.getRepository(Room).find({ where: { facilityId: In([...ids]) }, order: { id: "ASC" } });
    return groupByKey(ids, rows, (r) => r.facilityId);
  });

/** What narrows `Organization.bookings`: an already validated instant interval and statuses. */
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

/**
 * Facilities in each area's subtree, optionally of some types: one `LIKE 'prefix%'` per distinct prefix in a
 * single statement, then each facility is indexed under every prefix of its code, so nested areas share rows.
 */
export const facilitiesInArea = (ctx: HubContext, types: FacilityType[] | null) =>
  ctx.loaders.get<string, Facility[]>(
    "facilitiesInArea",
    async (codes) => {
      const prefixes = [...new Set(codes.map(subtreePrefix))];
      const query = ctx.db.getRepository(Facility).createQueryBuilder("f");
      query.where(
        new Brackets((qb) => {
          prefixes.forEach((prefix, i) => qb.orWhere(`f.areaCode LIKE :prefix${i}`, { [`prefix${i}`]: `${prefix}%` }));
        }),
      );
      if (types) query.andWhere("f.type IN (:...types)", { types });
      const rows = await query.orderBy("f.id", "ASC").getMany();
      const byPrefix = new Map<string, Facility[]>(prefixes.map((p) => [p, []]));
      for (const row of rows) {
        for (const prefix of candidatePrefixes(row.areaCode)) byPrefix.get(prefix)?.push(row);
      }
      return codes.map((code) => byPrefix.get(subtreePrefix(code)) ?? []);
    },
    types,
  );
