export { RatingStatus, StarLevel } from "./rating.enums";
export { RatingEvaluation } from "./rating-evaluation.entity";

import { Feature } from "../../kit/feature";
import { AGradeRecord } from "./a-grade-record.entity";
import { IndicatorScore } from "./indicator-score.entity";
import { RatingEvaluation } from "./rating-evaluation.entity";
import { RatingEvent } from "./rating-event.entity";
import { RatingPanelist } from "./rating-panelist.entity";
import { RatingScheme } from "./rating-scheme.entity";
import { OrganizationRatingResolver, RatingEvaluationResolver } from "./rating.resolver";
import { seedRating } from "./rating.seed";

/**
 * Star ratings (星级评价, DOMAIN §3.8, §8.5): schemes, evaluations, panelists and their indicator scores, the
 * rating machine with recusal and its calendar, rating events, and the A-grades imported from civil affairs.
 */
export const ratingFeature: Feature = {
  name: "rating",
  entities: [RatingScheme, RatingEvaluation, RatingPanelist, IndicatorScore, RatingEvent, AGradeRecord],
  resolvers: [RatingEvaluationResolver, OrganizationRatingResolver],
  seed: (db) => db.transaction((tx) => seedRating(tx)),
};
