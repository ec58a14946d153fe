import { Brackets } from "typeorm";
import { HubContext } from "../../kit/context";
import { rowsGroupedByKey } from "../../kit/loaders";
import { candidatePrefixes, subtreePrefix } from "./area-subtree.rules";
import { CalendarException } from "./calendar-exception.entity";
import { Equipment } from "./equipment.entity";
import { Facility } from "./facility.entity";
import { FacilityType } from "./facility.enums";
import { OpeningRule } from "./opening-rule.entity";
import { Room } from "./room.entity";

/** Rooms per facility, in id order. */
export const roomsByFacility = (ctx: HubContext) =>
  ctx.loaders.get<string, Room[]>("roomsByFacility", (ids) => rowsGroupedByKey(ctx.db, Room, "facilityId", ids, { order: { id: "ASC" } }));

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

/** Equipment per facility, in id order. */
export const equipmentByFacility = (ctx: HubContext) =>
  ctx.loaders.get<string, Equipment[]>("equipmentByFacility", (ids) => rowsGroupedByKey(ctx.db, Equipment, "facilityId", ids, { order: { id: "ASC" } }));

/** Weekly opening rules per facility. */
export const openingRulesByFacility = (ctx: HubContext) =>
  ctx.loaders.get<string, OpeningRule[]>("openingRulesByFacility", (ids) => rowsGroupedByKey(ctx.db, OpeningRule, "facilityId", ids, { order: { id: "ASC" } }));

/** Calendar exceptions on days `from`…`to` that apply to each facility: the statutory calendar plus its own. */
export const exceptionsByFacility = (ctx: HubContext, range: { from: string; to: string }) =>
  ctx.loaders.get<string, CalendarException[]>(
    "exceptionsByFacility",
    async (ids) => {
      const rows = await ctx.db
        .getRepository(CalendarException)
        .createQueryBuilder("e")
        .where("e.date >= :from AND e.date <= :to", range)
        .andWhere(new Brackets((qb) => qb.where("e.facilityId IN (:...ids)", { ids: [...ids] }).orWhere("e.facilityId IS NULL")))
        .orderBy("e.date", "ASC")
        .addOrderBy("e.id", "ASC")
        .getMany();
      return ids.map((id) => rows.filter((e) => e.facilityId === null || e.facilityId === id));
    },
    range,
  );
