import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { BadInputError } from "../../../platform/errors";
import { parseAreaCode } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { carriesAGrade } from "./a-grade.rules";
import { isSettledRating } from "./rating.machine";
import { AGradeRecord } from "./a-grade-record.entity";
import { Area, areaByCode, Organization, organizationById } from "../directory";
import { IndicatorScore } from "./indicator-score.entity";
import { RatingEvaluation } from "./rating-evaluation.entity";
import { RatingScheme } from "./rating-scheme.entity";
import { aGradesByOrganization, indicatorScoresByEvaluation, panelistsByEvaluation, ratingEvaluationsByOrganization } from "./rating.loaders";
import { activeSupervisorsByOrganization } from "../supervision";
import { RatingStatus } from "./rating.enums";
import { RatingResult } from "./rating.type";
import { seesRatingInProgress } from "./rating.policy";

/** The most evaluations one ratingEvaluations answer holds. */
const MAX_EVALUATIONS = 1000;

/** The published result of a FINAL evaluation; null for any other state. */
export function resultOf(evaluation: RatingEvaluation): RatingResult | null {
  if (evaluation.status !== RatingStatus.FINAL || evaluation.validUntil === null || evaluation.totalScore === null || evaluation.stars === null) return null;
  return { stars: evaluation.stars, totalScore: evaluation.totalScore, cycle: evaluation.cycle, validUntil: evaluation.validUntil, pilot: evaluation.pilot };
}

/** Star-rating reads (DOMAIN §3.8) under §9.2: results are public, evaluations in progress are not. */
export class RatingReadService {
  /** §3.8: the latest FINAL result still valid on business today. */
  async currentRating(ctx: HubContext, org: Organization): Promise<RatingResult | null> {
    const today = businessDate(now());
    const evaluations = await ratingEvaluationsByOrganization(ctx).load(org.id);
    const current = evaluations.map(resultOf).filter((r): r is RatingResult => r !== null && r.validUntil >= today);
    return current[0] ?? null;
  }

  /** Every evaluation the caller may see, newest cycle first. */
  async history(ctx: HubContext, org: Organization): Promise<RatingEvaluation[]> {
    return this.visible(ctx, await ratingEvaluationsByOrganization(ctx).load(org.id));
  }

  /** Evaluations of one cycle for organizations whose home area lies in the area's subtree. */
  async inArea(ctx: HubContext, cycle: number, rawAreaCode: string, statuses: RatingStatus[] | null | undefined): Promise<RatingEvaluation[]> {
    if (!Number.isInteger(cycle) || cycle < 2000 || cycle > 2100) {
      throw new BadInputError(`cycle: ${cycle} is not a rating cycle; give the cycle year, e.g. 2022.`, { argument: "cycle" });
    }
    const code = parseAreaCode(rawAreaCode, "areaCode");
    const area = await areaByCode(ctx).load(code);
    if (!area) throw new BadInputError(`areaCode: no area has the code "${code}".`, { argument: "areaCode" });
    const query = ctx.db
      .getRepository(RatingEvaluation)
      .createQueryBuilder("e")
      .where("e.cycle = :cycle", { cycle })
      .andWhere((qb) => {
        const codes = qb.subQuery().select("a.code").from(Area, "a").where("a.path LIKE :areaPath").getQuery();
        const orgs = qb.subQuery().select("o.id").from(Organization, "o").where(`o.homeAreaCode IN ${codes}`).getQuery();
        return `e.organizationId IN ${orgs}`;
      })
      .setParameter("areaPath", `${area.path}%`);
    if (statuses?.length) query.andWhere("e.status IN (:...statuses)", { statuses });
    const rows = await query.orderBy("e.organizationId", "ASC").addOrderBy("e.id", "ASC").take(MAX_EVALUATIONS).getMany();
    return this.visible(ctx, rows);
  }

  /** The scores of an evaluation in the order of its scheme's indicators. */
  async scores(ctx: HubContext, evaluation: RatingEvaluation): Promise<IndicatorScore[]> {
    const [scores, scheme] = await Promise.all([indicatorScoresByEvaluation(ctx).load(evaluation.id), rowLoader(ctx, RatingScheme, "version").load(evaluation.schemeVersion)]);
    const order = scheme?.indicators.map((i) => i.code) ?? [];
    const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
    return [...scores].sort((a, b) => rank(a.indicator) - rank(b.indicator) || a.indicator.localeCompare(b.indicator));
  }

  /** §3.8: the latest A-grade still valid, registered organizations only (imported, never computed). */
  async aGrade(ctx: HubContext, org: Organization): Promise<AGradeRecord | null> {
    if (!carriesAGrade(org.legalForm)) return null;
    const today = businessDate(now());
    const records = await aGradesByOrganization(ctx).load(org.id);
    return records.find((r) => r.awardedOn <= today && r.validUntil >= today) ?? null;
  }

  /** Keeps settled evaluations and the in-progress ones this caller may read (§9.2). */
  private async visible(ctx: HubContext, evaluations: RatingEvaluation[]): Promise<RatingEvaluation[]> {
    const viewer = ctx.viewer;
    const pending = evaluations.filter((e) => !isSettledRating(e.status));
    if (!pending.length || viewer.has("FEDERATION_ADMIN")) return evaluations;
    if (viewer.anonymous) return evaluations.filter((e) => isSettledRating(e.status));
    const today = businessDate(now());
    const allowed = await Promise.all(
      pending.map(async (e) => {
        const [org, panelistIds, supervisorIds] = await Promise.all([
          organizationById(ctx).load(e.organizationId),
          panelistsByEvaluation(ctx).load(e.id),
          activeSupervisorsByOrganization(ctx, today).load(e.organizationId),
        ]);
        const orgArea = org ? await areaByCode(ctx).load(org.homeAreaCode) : null;
        return seesRatingInProgress(viewer, { organizationId: e.organizationId, orgArea, panelistIds, supervisorIds }) ? e : null;
      }),
    );
    const shown = new Set(allowed.filter((e): e is RatingEvaluation => e !== null));
    return evaluations.filter((e) => isSettledRating(e.status) || shown.has(e));
  }
}
