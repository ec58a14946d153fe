import { Brackets, SelectQueryBuilder } from "typeorm";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { BadInputError, ForbiddenError } from "../../../platform/errors";
import { parseAreaCode } from "../../kit/ids";
import { Page, paginate } from "../../kit/pagination";
import { Area, Organization } from "../directory";
import { readsAnyFilingStatus, whereFilingStatus } from "../filing";
import { LeaderDependencySignalRow, leaderDependencyFilterScope } from "../leader-dependency";
import { RatingEvaluation, RatingStatus, StarLevel } from "../rating";
import { SupervisionAssignment } from "../supervision";
import { OrgFilter } from "./organization-filter.input";

const STARS_FROM: StarLevel[] = [StarLevel.ONE, StarLevel.TWO, StarLevel.THREE, StarLevel.FOUR, StarLevel.FIVE];

type Query = SelectQueryBuilder<Organization>;

/** Organizations whose id is in a subquery over another table of this subgraph. */
function whereIdIn(query: Query, build: (qb: Query) => string): void {
  query.andWhere((qb: Query) => `o.id IN ${build(qb)}`);
}

/** The organization directory (DOMAIN §3.1): profiles are public (§9.2); each filter is one condition in SQL. */
export class OrganizationSearch {
  /** A page of organizations; `area` (already loaded, as in Area.organizations) narrows to its subtree. */
  async list(ctx: HubContext, filter: OrgFilter | null | undefined, page: { first?: number | null; after?: string | null }, area?: Area): Promise<Page<Organization>> {
    const query = ctx.db.getRepository(Organization).createQueryBuilder("o");
    const subtree = area ?? (filter?.areaCode ? await this.area(ctx, filter.areaCode) : null);
    if (subtree) {
      query.andWhere((qb: Query) => `o.homeAreaCode IN ${qb.subQuery().select("a.code").from(Area, "a").where("a.path LIKE :areaPath").getQuery()}`);
      query.setParameter("areaPath", `${subtree.path}%`);
    }
    if (filter?.legalForms?.length) query.andWhere("o.legalForm IN (:...legalForms)", { legalForms: filter.legalForms });
    if (filter?.categories?.length) this.whereCategory(query, filter.categories);
    if (filter?.filingStatus?.length) whereFilingStatus(query, "o", filter.filingStatus, { numberedOnly: !readsAnyFilingStatus(ctx.viewer) });
    if (filter?.minStars !== undefined && filter.minStars !== null) this.whereMinStars(query, filter.minStars);
    if (filter?.leaderDependency?.length) await this.whereLeaderDependency(ctx, query, filter.leaderDependency);
    if (filter?.supervisedByMe) this.whereSupervisedBy(ctx, query);
    if (filter?.search) this.whereNameContains(query, filter.search);
    // the directory's common lists (everything, an area's subtree) have their SQL built once; any other filter adds a
    // condition, and such a list builds it per call
    const shape = query.expressionMap.wheres.length === (subtree ? 1 : 0) ? `organizations.list:${subtree ? "area" : "all"}` : undefined;
    return paginate(query, "o", page, 20, shape);
  }

  private async area(ctx: HubContext, rawCode: string): Promise<Area> {
    const code = parseAreaCode(rawCode, "filter.areaCode");
    const area = await ctx.db.getRepository(Area).findOneBy({ code });
    if (!area) throw new BadInputError(`filter.areaCode: no area has the code "${code}".`, { argument: "filter.areaCode" });
    return area;
  }

  private whereCategory(query: Query, categories: string[]): void {
    query.andWhere(
      new Brackets((qb) => {
        qb.where("o.category IN (:...categories)", { categories });
        // secondary categories are a JSON text array: match the quoted enum value
        categories.forEach((category, i) => qb.orWhere(`o.secondaryCategories LIKE :secondary${i}`, { [`secondary${i}`]: `%"${category}"%` }));
      }),
    );
  }

  private whereMinStars(query: Query, minStars: number): void {
    if (!Number.isInteger(minStars) || minStars < 1 || minStars > 5) throw new BadInputError(`filter.minStars: ${minStars} is not a star count; give 1 to 5.`, { argument: "filter.minStars" });
    whereIdIn(query, (qb) =>
      qb.subQuery().select("r.organizationId").from(RatingEvaluation, "r").where("r.status = :finalStatus AND r.validUntil >= :ratingToday AND r.stars IN (:...okStars)").getQuery(),
    );
    query.setParameters({ finalStatus: RatingStatus.FINAL, ratingToday: businessDate(now()), okStars: STARS_FROM.slice(minStars - 1) });
  }

  /** A list filtered by level reveals the level of every organization it returns: only those the caller may see. */
  private async whereLeaderDependency(ctx: HubContext, query: Query, levels: string[]): Promise<void> {
    const scope = await leaderDependencyFilterScope(ctx);
    if (!scope) throw new ForbiddenError("filter.leaderDependency is for staff, supervisors, the academy and funders; leave it out.");
    whereIdIn(query, (qb) => qb.subQuery().select("s.organizationId").from(LeaderDependencySignalRow, "s").where("s.level IN (:...riskLevels)").getQuery());
    query.setParameter("riskLevels", levels);
    if (scope.everywhere) return;
    const { areaPaths, orgIds } = scope;
    query.andWhere(
      new Brackets((within) => {
        within.where("1 = 0"); // nothing in scope: nothing listed
        if (areaPaths.length) {
          const paths = areaPaths.map((_, i) => `ldArea.path LIKE :ldPath${i}`).join(" OR ");
          within.orWhere(`o.homeAreaCode IN ${query.subQuery().select("ldArea.code").from(Area, "ldArea").where(paths).getQuery()}`);
          areaPaths.forEach((path, i) => query.setParameter(`ldPath${i}`, `${path}%`));
        }
        if (orgIds.length) within.orWhere("o.id IN (:...ldOrgIds)", { ldOrgIds: orgIds });
      }),
    );
  }

  private whereSupervisedBy(ctx: HubContext, query: Query): void {
    if (!ctx.viewer.personId || !ctx.viewer.has("SUPERVISOR")) throw new ForbiddenError("filter.supervisedByMe needs a signed-in supervisor (SUP); leave it out otherwise.");
    whereIdIn(query, (qb) =>
      qb
        .subQuery()
        .select("sa.organizationId")
        .from(SupervisionAssignment, "sa")
        .where("sa.supervisorPersonId = :me AND sa.since <= :supToday AND (sa.until IS NULL OR sa.until > :supToday)")
        .getQuery(),
    );
    query.setParameters({ me: ctx.viewer.personId, supToday: businessDate(now()) });
  }

  private whereNameContains(query: Query, raw: string): void {
    const search = raw.trim();
    if (search.length > 50) throw new BadInputError("filter.search: search for at most 50 characters of a name.", { argument: "filter.search" });
    // "!" escapes LIKE wildcards the same way on MySQL and SQLite
    query.andWhere("o.name LIKE :search ESCAPE '!'", { search: `%${search.replace(/[%_!]/g, (c) => `!${c}`)}%` });
  }
}
