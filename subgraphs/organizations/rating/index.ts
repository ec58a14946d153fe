import { AGradeRecord } from "./a-grade-record.entity";
import { IndicatorScore } from "./indicator-score.entity";
import { RatingEvaluation } from "./rating-evaluation.entity";
import { RatingEvent } from "./rating-event.entity";
import { RatingPanelist } from "./rating-panelist.entity";
import { RatingScheme } from "./rating-scheme.entity";
import { SupervisionAssignment } from "../supervision/supervision-assignment.entity";
import { SupervisionVisit } from "../supervision/supervision-visit.entity";
import { OrganizationRatingResolver, RatingEvaluationResolver } from "./rating.resolver";
import { OrganizationSupervisionResolver, SupervisionAssignmentResolver, SupervisionVisitResolver } from "../supervision/supervision.resolver";

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
