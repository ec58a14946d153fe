import { AGradeRecord } from "./entities/a-grade-record.entity";
import { IndicatorScore } from "./entities/indicator-score.entity";
import { RatingEvaluation } from "./entities/rating-evaluation.entity";
import { RatingEvent } from "./entities/rating-event.entity";
import { RatingPanelist } from "./entities/rating-panelist.entity";
import { RatingScheme } from "./entities/rating-scheme.entity";
import { SupervisionAssignment } from "./supervision/supervision-assignment.entity";
import { SupervisionVisit } from "./supervision/supervision-visit.entity";
import { OrganizationRatingResolver, RatingEvaluationResolver } from "./resolvers/rating.resolver";
import { OrganizationSupervisionResolver, SupervisionAssignmentResolver, SupervisionVisitResolver } from "./supervision/supervision.resolver";

/** Tables of supervision (DOMAIN §3.6), star ratings and A-grades (§3.8, §8.5). */
export const supervisionRatingEntities = [
  SupervisionAssignment,
  SupervisionVisit,
  RatingScheme,
  RatingEvaluation,
  RatingPanelist,
  IndicatorScore,
  RatingEvent,
  AGradeRecord,
];

/** Resolvers of supervision, star ratings and A-grades. */
export const supervisionRatingResolvers = [
  SupervisionAssignmentResolver,
  SupervisionVisitResolver,
  OrganizationSupervisionResolver,
  RatingEvaluationResolver,
  OrganizationRatingResolver,
];
