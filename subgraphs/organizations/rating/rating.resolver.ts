import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { IndicatorScore } from "./indicator-score.entity";
import { Organization, organizationById } from "../directory";
import { RatingEvaluation } from "./rating-evaluation.entity";
import { RatingReadService, resultOf } from "./rating-read.service";
import { RatingService } from "./rating.service";
import { AGradeRecord } from "./a-grade-record.entity";
import { RatingAction, RatingStatus } from "./rating.enums";
import { IndicatorScoreInput, RatingResult } from "./rating.type";

const reads = new RatingReadService();
const ratings = new RatingService();

@Resolver(() => RatingEvaluation)
export class RatingEvaluationResolver {
  @Query(() => [RatingEvaluation], { description: "Evaluations of a cycle for organizations in an area's subtree; in-progress ones only for those involved." })
  ratingEvaluations(
    @Arg("cycle", () => Int) cycle: number,
    @Arg("areaCode", () => ID) areaCode: string,
    @Ctx() ctx: HubContext,
    @Arg("status", () => [RatingStatus], { nullable: true }) status?: RatingStatus[],
  ) {
    return reads.inArea(ctx, cycle, areaCode, status);
  }

  @Mutation(() => RatingEvaluation, { description: "A panelist enters indicator scores while the panel scores (PANEL_SCORING)." })
  submitRatingScores(
    @Arg("evaluationId", () => ID) evaluationId: string,
    @Arg("scores", () => [IndicatorScoreInput]) scores: IndicatorScoreInput[],
    @Ctx() ctx: HubContext,
  ) {
    return ratings.submitScores(ctx, evaluationId, scores);
  }

  @Mutation(() => RatingEvaluation, { description: "Moves an evaluation along the rating cycle (DOMAIN §8.5)." })
  transitionRating(
    @Arg("evaluationId", () => ID) evaluationId: string,
    @Arg("action", () => RatingAction) action: RatingAction,
    @Ctx() ctx: HubContext,
    @Arg("comment", () => String, { nullable: true }) comment?: string,
  ) {
    return ratings.transition(ctx, evaluationId, action, comment);
  }

  @FieldResolver(() => Organization)
  organization(@Root() evaluation: RatingEvaluation, @Ctx() ctx: HubContext) {
    return organizationById(ctx).load(evaluation.organizationId);
  }

  @FieldResolver(() => [IndicatorScore], { description: "Scores per indicator, in the scheme's order." })
  indicatorScores(@Root() evaluation: RatingEvaluation, @Ctx() ctx: HubContext) {
    return reads.scores(ctx, evaluation);
  }

  @FieldResolver(() => RatingResult, { nullable: true, description: "The published result once FINAL." })
  result(@Root() evaluation: RatingEvaluation) {
    return resultOf(evaluation);
  }
}

/** Organization.currentRating, ratingHistory and aGrade (DOMAIN §3.1, §3.8). */
@Resolver(() => Organization)
export class OrganizationRatingResolver {
  @FieldResolver(() => RatingResult, { nullable: true, description: "The latest final star rating still valid today; public." })
  currentRating(@Root() org: Organization, @Ctx() ctx: HubContext) {
    return reads.currentRating(ctx, org);
  }

  @FieldResolver(() => [RatingEvaluation], { description: "Final and void evaluations; in-progress ones only for those involved." })
  ratingHistory(@Root() org: Organization, @Ctx() ctx: HubContext) {
    return reads.history(ctx, org);
  }

  @FieldResolver(() => AGradeRecord, { nullable: true, description: "The official 等级评估 grade, registered organizations only; imported, never computed." })
  aGrade(@Root() org: Organization, @Ctx() ctx: HubContext) {
    return reads.aGrade(ctx, org);
  }
}
