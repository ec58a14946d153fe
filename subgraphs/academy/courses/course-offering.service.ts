import { HubContext } from "../../kit/context";
import { BadInputError } from "../../../platform/errors";
import { parseId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { Page, pageSize, paginate } from "../../kit/pagination";
import { CourseOffering } from "./course-offering.entity";
import { Course } from "./course.entity";
import { Academy } from "../academies";
import { OfferingStatus } from "./course.enums";

export interface OfferingFilter {
  academyId?: string | null;
  status?: OfferingStatus[] | null;
}

/** Offering reads: the course catalogue is public (DOMAIN §9.2). */
export class OfferingService {
  find(ctx: HubContext, id: string): Promise<CourseOffering | null> {
    return rowLoader(ctx, CourseOffering).load(parseId("CourseOffering", id, "id"));
  }

  async list(ctx: HubContext, filter: OfferingFilter, page: { first?: number | null; after?: string | null }): Promise<Page<CourseOffering>> {
    pageSize(page.first); // checked before any SQL runs
    const query = ctx.db.getRepository(CourseOffering).createQueryBuilder("o");
    if (filter.academyId) {
      const academyId = parseId("Academy", filter.academyId, "academyId");
      if (!(await rowLoader(ctx, Academy).load(academyId))) {
        throw new BadInputError(`academyId: no academy has the id "${academyId}".`, { argument: "academyId" });
      }
      query.andWhere((qb) => `o.courseId IN ${qb.subQuery().select("c.id").from(Course, "c").where("c.academyId = :academyId").getQuery()}`);
      query.setParameter("academyId", academyId);
    }
    if (filter.status?.length) query.andWhere("o.status IN (:...status)", { status: filter.status });
    return paginate(query, "o", page);
  }
}
