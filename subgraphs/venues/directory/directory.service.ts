import { HubContext } from "../../kit/context";
import { parseAreaCode, parseId } from "../../kit/ids";
import { Page, paginate } from "../../kit/pagination";
import { rowLoader } from "../../kit/loaders";
import { Facility, FacilityType, subtreePrefix } from "../facilities";

export interface FacilityFilter {
  areaCode?: string | null;
  types?: FacilityType[] | null;
}

/** Public venue directory reads: facilities, their addresses and rooms are public (DOMAIN §9.2). */
export class DirectoryService {
  find(ctx: HubContext, id: string): Promise<Facility | null> {
    return rowLoader(ctx, Facility).load(parseId("Facility", id, "id"));
  }

  list(ctx: HubContext, filter: FacilityFilter, page: { first?: number | null; after?: string | null }): Promise<Page<Facility>> {
    const query = ctx.db.getRepository(Facility).createQueryBuilder("f");
    if (filter.areaCode) {
      // checked codes hold only [0-9A-Z], so the prefix needs no LIKE escaping
      query.andWhere("f.areaCode LIKE :areaPrefix", { areaPrefix: `${subtreePrefix(parseAreaCode(filter.areaCode, "areaCode"))}%` });
    }
    if (filter.types?.length) query.andWhere("f.type IN (:...types)", { types: filter.types });
    return paginate(query, "f", page);
  }
}
