import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey, rowsGroupedByKey } from "../../kit/loaders";
import { AGradeRecord } from "./a-grade-record.entity";
import { IndicatorScore } from "./indicator-score.entity";
import { RatingEvaluation } from "./rating-evaluation.entity";
import { RatingPanelist } from "./rating-panelist.entity";

/** Every rating evaluation per organization, newest cycle first: both currentRating and ratingHistory read it. */
export const ratingEvaluationsByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, RatingEvaluation[]>("ratingEvaluationsByOrganization", (ids) =>
    rowsGroupedByKey(ctx.db, RatingEvaluation, "organizationId", ids, { order: { cycle: "DESC", id: "DESC" } }),
  );

/** Indicator scores per evaluation. */
export const indicatorScoresByEvaluation = (ctx: HubContext) =>
  ctx.loaders.get<string, IndicatorScore[]>("indicatorScoresByEvaluation", async (ids) => {
    const rows = await ctx.db.getRepository(IndicatorScore).find({ where: { evaluationId: In([...ids]) }, order: { indicator: "ASC" } });
    return groupByKey(ids, rows, (s) => s.evaluationId);
  });

/** Panelists' person ids per evaluation. */
export const panelistsByEvaluation = (ctx: HubContext) =>
  ctx.loaders.get<string, string[]>("panelistsByEvaluation", async (ids) => {
    const rows = await ctx.db.getRepository(RatingPanelist).find({ where: { evaluationId: In([...ids]) }, order: { personId: "ASC" } });
    return groupByKey(ids, rows, (p) => p.evaluationId).map((group) => group.map((p) => p.personId));
  });

/** A-grade records per organization, most recent award first. */
export const aGradesByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, AGradeRecord[]>("aGradesByOrganization", async (ids) => {
    const rows = await ctx.db.getRepository(AGradeRecord).find({ where: { organizationId: In([...ids]) }, order: { awardedOn: "DESC", id: "DESC" } });
    return groupByKey(ids, rows, (r) => r.organizationId);
  });
