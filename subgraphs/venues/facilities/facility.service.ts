import { HubContext } from "../../kit/context";
import { DateRangeInput } from "../../kit/days";
import { parseAreaCode, parseId } from "../../kit/ids";
import { rowLoader, statusFilterArgs } from "../../kit/loaders";
import { Page, paginate } from "../../kit/pagination";
import { BookingPolicy } from "./booking-policy.entity";
import { DEFAULT_POLICY } from "./booking-policy.rules";
import { CalendarException } from "./calendar-exception.entity";
import { subtreePrefix } from "./area-subtree.rules";
import { exceptionOn } from "./calendar.rules";
import { Facility } from "./facility.entity";
import { FacilityType } from "./facility.enums";
import { exceptionsByFacility, facilitiesInArea } from "./facility.loaders";
import { checkedInterval } from "./period";

export interface FacilityFilter {
  areaCode?: string | null;
  types?: FacilityType[] | null;
}

/** Public facility reads: the venue directory, which facilities an area has, their policies and calendars (DOMAIN §9.2). */
export class FacilityService {
  find(ctx: HubContext, id: string): Promise<Facility | null> {
    return rowLoader(ctx, Facility).load(parseId("Facility", id, "id"));
  }

  /** A page of the directory, optionally within an area's subtree and of some types. */
  list(ctx: HubContext, filter: FacilityFilter, page: { first?: number | null; after?: string | null }): Promise<Page<Facility>> {
    const query = ctx.db.getRepository(Facility).createQueryBuilder("f");
    if (filter.areaCode) {
      // checked codes hold only [0-9A-Z], so the prefix needs no LIKE escaping
      query.andWhere("f.areaCode LIKE :areaPrefix", { areaPrefix: `${subtreePrefix(parseAreaCode(filter.areaCode, "areaCode"))}%` });
    }
    if (filter.types?.length) query.andWhere("f.type IN (:...types)", { types: filter.types });
    return paginate(query, "f", page);
  }

  /** Facilities in an area's subtree; a code that is not an area code (from a bad representation) has none. */
  async inArea(ctx: HubContext, areaCode: string, types: FacilityType[] | null | undefined): Promise<Facility[]> {
    try {
      parseAreaCode(areaCode);
    } catch {
      return [];
    }
    return facilitiesInArea(ctx, statusFilterArgs(types)).load(areaCode);
  }

  /** The facility's policy; a facility without its own follows the sample 社区活动室管理制度 (DEFAULT_POLICY). */
  async policy(ctx: HubContext, facilityId: string): Promise<BookingPolicy> {
    return (await rowLoader(ctx, BookingPolicy, "facilityId").load(facilityId)) ?? ({ facilityId, ...DEFAULT_POLICY } as BookingPolicy);
  }

  /** Exceptions in `range` that apply to the facility, one per date (its own beats the statutory calendar). */
  async exceptions(ctx: HubContext, facilityId: string, range: DateRangeInput): Promise<CalendarException[]> {
    checkedInterval(range, "range");
    const rows = await exceptionsByFacility(ctx, { from: range.from, to: range.to }).load(facilityId);
    const dates = [...new Set(rows.map((e) => e.date))];
    return dates.map((date) => exceptionOn(date, rows) as CalendarException);
  }
}
