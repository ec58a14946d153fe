import { writeTransaction } from "../../kit/transaction";
import { EntityManager } from "typeorm";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { addDays } from "../../kit/days";
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from "../../../platform/errors";
import { newId, parseId } from "../../kit/ids";
import { raise } from "../../kit/problem";
import { ratingValidUntil } from "./rating-calendar.rules";
import { allowedRatingActions, nextRatingStatus, PUBLIC_NOTICE_DAYS, ratingGuardProblem } from "./rating.machine";
import { recusalProblem, recusalReason } from "./rating-recusal.rules";
import { isPilotScheme, missingIndicators, ScoreInput, scoreInputProblem, starsFor, totalOf } from "./rating-score.rules";
import { Area, Membership, Organization } from "../directory";
import { IndicatorScore } from "./indicator-score.entity";
import { RatingEvaluation } from "./rating-evaluation.entity";
import { RatingEvent } from "./rating-event.entity";
import { RatingPanelist } from "./rating-panelist.entity";
import { RatingScheme } from "./rating-scheme.entity";
import { RatingAction, RatingStatus } from "./rating.enums";
import { authorizeRatingAction } from "./rating-actor.policy";
import { supervisorsOf } from "../supervision";

const MAX_COMMENT = 500;

/** The star-rating cycle's commands (DOMAIN §8.5): panel scores and transitions, each one transaction. */
export class RatingService {
  /** A panelist enters indicator scores while the panel scores; conflicted panelists must recuse. */
  async submitScores(ctx: HubContext, rawId: string, scores: ScoreInput[]): Promise<RatingEvaluation> {
    const personId = ctx.viewer.personId;
    if (!personId) throw new ForbiddenError("Only a panelist of this evaluation may submit rating scores; sign in as a panelist.");
    const { evaluation, org } = await this.load(ctx, rawId);
    const panelists = await ctx.db.getRepository(RatingPanelist).findBy({ evaluationId: evaluation.id });
    if (!panelists.some((p) => p.personId === personId)) {
      throw new ForbiddenError("Only a panelist of this evaluation may submit its scores; ask a federation admin or the street staff to put you on its panel.");
    }
    const today = businessDate(now());
    const [supervisors, memberships] = await Promise.all([
      supervisorsOf(ctx.db, [org.id], today),
      ctx.db.getRepository(Membership).findBy({ organizationId: org.id, personId }),
    ]);
    const reason = recusalReason({ personId, supervisorIds: supervisors.get(org.id) ?? [], memberships, today });
    if (reason) raise(recusalProblem(reason, org.name));
    if (evaluation.status !== RatingStatus.PANEL_SCORING) {
      throw new ConflictError(`Scores are entered only while the evaluation is PANEL_SCORING; it is ${evaluation.status}.`, {
        state: evaluation.status,
        allowed: allowedRatingActions(evaluation.status),
      });
    }
    const scheme = await this.scheme(ctx.db.manager, evaluation.schemeVersion);
    raise(scoreInputProblem(scores, scheme.indicators));
    return writeTransaction(ctx.db, async (tx) => {
      const scoredAt = now();
      const rows = scores.map((s) => ({
        evaluationId: evaluation.id,
        indicator: s.indicator,
        score: s.score,
        max: scheme.indicators.find((i) => i.code === s.indicator)!.max,
        comment: s.comment?.trim() || null,
        scoredBy: personId,
        scoredAt,
      }));
      await tx.getRepository(IndicatorScore).upsert(rows, ["evaluationId", "indicator"]);
      const totalScore = totalOf(await tx.getRepository(IndicatorScore).findBy({ evaluationId: evaluation.id }));
      const patch = { totalScore, stars: starsFor(totalScore, scheme.thresholds) };
      await this.update(tx, evaluation, patch);
      return { ...evaluation, ...patch };
    });
  }

  /** Moves the evaluation along §8.5: wrong actor FORBIDDEN, illegal or unguarded step CONFLICT. */
  async transition(ctx: HubContext, rawId: string, action: RatingAction, comment: string | null | undefined): Promise<RatingEvaluation> {
    const { evaluation, org, area } = await this.load(ctx, rawId);
    const today = businessDate(now());
    await authorizeRatingAction(ctx, action, org, area, today);
    if (comment && comment.length > MAX_COMMENT) throw new BadInputError(`comment: keep the comment to ${MAX_COMMENT} characters.`, { argument: "comment", max: MAX_COMMENT });
    const to = nextRatingStatus(evaluation.status, action);
    if (!to) {
      const allowed = allowedRatingActions(evaluation.status);
      throw new ConflictError(
        `${action} is not possible while the evaluation is ${evaluation.status}; from ${evaluation.status} the cycle allows ${allowed.length ? allowed.join(", ") : "no action"}.`,
        { state: evaluation.status, allowed },
      );
    }
    return writeTransaction(ctx.db, async (tx) => {
      // scores are read inside the transaction, so the published total is the one the guard checked
      const patch: Partial<RatingEvaluation> = { status: to };
      let missing: string[] = [];
      if (action === RatingAction.PUBLISH_NOTICE || to === RatingStatus.FINAL) {
        const scheme = await this.scheme(tx, evaluation.schemeVersion);
        const scores = await tx.getRepository(IndicatorScore).findBy({ evaluationId: evaluation.id });
        missing = missingIndicators(scheme.indicators, scores.map((s) => s.indicator));
        patch.totalScore = totalOf(scores);
        patch.stars = starsFor(patch.totalScore, scheme.thresholds);
        if (action === RatingAction.PUBLISH_NOTICE) Object.assign(patch, { publicNoticeFrom: today, publicNoticeTo: addDays(today, PUBLIC_NOTICE_DAYS) });
        if (to === RatingStatus.FINAL) {
          Object.assign(patch, { finalizedAt: now(), validUntil: ratingValidUntil(evaluation.cycle, scheme.validityMonths), pilot: isPilotScheme(scheme.version) });
        }
      }
      const guard = ratingGuardProblem(action, { today, publicNoticeTo: evaluation.publicNoticeTo, missingIndicators: missing });
      if (guard) raise({ ...guard, facts: { state: evaluation.status, ...guard.facts } });
      await this.update(tx, evaluation, patch);
      const event: RatingEvent = {
        id: newId("RatingEvent"),
        evaluationId: evaluation.id,
        at: now(),
        action,
        from: evaluation.status,
        to,
        actorPersonId: ctx.viewer.personId,
        comment: comment?.trim() || null,
      };
      await tx.getRepository(RatingEvent).insert(event);
      return { ...evaluation, ...patch };
    });
  }

  private async load(ctx: HubContext, rawId: string): Promise<{ evaluation: RatingEvaluation; org: Organization; area: Area | null }> {
    const id = parseId("RatingEvaluation", rawId, "evaluationId");
    const evaluation = await ctx.db.getRepository(RatingEvaluation).findOneBy({ id });
    if (!evaluation) throw new NotFoundError("RatingEvaluation", id);
    const org = await ctx.db.getRepository(Organization).findOneByOrFail({ id: evaluation.organizationId });
    const area = await ctx.db.getRepository(Area).findOneBy({ code: org.homeAreaCode });
    return { evaluation, org, area };
  }

  private async scheme(db: EntityManager, version: string): Promise<RatingScheme> {
    return db.getRepository(RatingScheme).findOneByOrFail({ version });
  }

  /** Writes only if nobody moved the evaluation since it was read: a lost race is a CONFLICT, not an overwrite. */
  private async update(tx: EntityManager, evaluation: RatingEvaluation, patch: Partial<RatingEvaluation>): Promise<void> {
    const result = await tx
      .createQueryBuilder()
      .update(RatingEvaluation)
      .set(patch)
      .where("id = :id AND status = :status", { id: evaluation.id, status: evaluation.status })
      .execute();
    if (!result.affected) {
      throw new ConflictError("The evaluation changed while you were working on it; reload it and try again.", { state: evaluation.status });
    }
  }
}
