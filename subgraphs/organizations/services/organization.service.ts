import { Brackets } from "typeorm";
import { HubContext } from "../../kit/context";
import { BadInputError } from "../../kit/errors";
import { parseAreaCode, parseId } from "../../kit/ids";
import { Page, paginate } from "../../kit/pagination";
import { Area } from "../entities/area.entity";
import { Organization } from "../entities/organization.entity";
import { organizationById } from "../loaders";
import { OrgFilter } from "../types/organization.input";

/** Public directory reads: organization profiles are public (DOMAIN §9.2), personal data is not served here. */
export class OrganizationService {
  find(ctx: HubContext, id: string): Promise<Organization | null> {
    return organizationById(ctx).load(parseId("Organization", id, "id"));
  }

  async list(ctx: HubContext, filter: OrgFilter | null | undefined, page: { first?: number | null; after?: string | null }): Promise<Page<Organization>> {
    const query = ctx.db.getRepository(Organization).createQueryBuilder("o");
    if (filter?.areaCode) {
      const code = parseAreaCode(filter.areaCode, "filter.areaCode");
      const area = await ctx.db.getRepository(Area).findOneBy({ code });
      if (!area) throw new BadInputError(`filter.areaCode: no area has the code "${code}".`, { argument: "filter.areaCode" });
      query.andWhere((qb) => {
        const subtree = qb.subQuery().select("a.code").from(Area, "a").where("a.path LIKE :areaPath").getQuery();
        return `o.homeAreaCode IN ${subtree}`;
      });
      query.setParameter("areaPath", `${area.path}%`);
    }
    if (filter?.legalForms?.length) query.andWhere("o.legalForm IN (:...legalForms)", { legalForms: filter.legalForms });
    if (filter?.categories?.length) {
      const categories = filter.categories;
      query.andWhere(
        new Brackets((qb) => {
          qb.where("o.category IN (:...categories)", { categories });
          // secondary categories are a JSON text array: match the quoted enum value
          categories.forEach((category, i) => qb.orWhere(`o.secondaryCategories LIKE :secondary${i}`, { [`secondary${i}`]: `%"${category}"%` }));
        }),
      );
    }
    if (filter?.search) {
      const search = filter.search.trim();
      if (search.length > 50) throw new BadInputError("filter.search: search for at most 50 characters of a name.", { argument: "filter.search" });
      // "!" escapes LIKE wildcards the same way on MySQL and SQLite
      query.andWhere("o.name LIKE :search ESCAPE '!'", { search: `%${search.replace(/[%_!]/g, (c) => `!${c}`)}%` });
    }
    return paginate(query, "o", page);
  }
}
