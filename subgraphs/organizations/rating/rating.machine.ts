import { problem, Problem } from "../../kit/problem";
import { RatingAction, RatingStatus } from "./rating.enums";

/** Who may take a rating transition (DOMAIN §8.5, §9.2). */
export type RatingActor =
  /** the organization's leader (OL) */
  | "ORG_LEADER"
  /** the social worker assigned to supervise the organization (SUP) */
  | "SUPERVISOR"
  /** a federation admin, or street staff whose area covers the organization */
  | "RATING_AUTHORITY";

const NON_VOID = Object.values(RatingStatus).filter((s) => s !== RatingStatus.VOID);

// §8.5: OPEN → SELF_ASSESSMENT → SUPERVISOR_REVIEW → PANEL_SCORING → PUBLIC_NOTICE → FINAL | APPEAL → FINAL;
// any non-final → VOID; FINAL → VOID (downgrade trigger).
const TRANSITIONS: Record<RatingAction, { from: RatingStatus[]; to: RatingStatus; actor: RatingActor }> = {
  [RatingAction.SUBMIT_SELF]: { from: [RatingStatus.OPEN], to: RatingStatus.SELF_ASSESSMENT, actor: "ORG_LEADER" },
  [RatingAction.SUPERVISOR_CONFIRM]: { from: [RatingStatus.SELF_ASSESSMENT], to: RatingStatus.SUPERVISOR_REVIEW, actor: "SUPERVISOR" },
  [RatingAction.START_PANEL]: { from: [RatingStatus.SUPERVISOR_REVIEW], to: RatingStatus.PANEL_SCORING, actor: "RATING_AUTHORITY" },
  [RatingAction.PUBLISH_NOTICE]: { from: [RatingStatus.PANEL_SCORING], to: RatingStatus.PUBLIC_NOTICE, actor: "RATING_AUTHORITY" },
  [RatingAction.FINALIZE]: { from: [RatingStatus.PUBLIC_NOTICE], to: RatingStatus.FINAL, actor: "RATING_AUTHORITY" },
  [RatingAction.RECEIVE_APPEAL]: { from: [RatingStatus.PUBLIC_NOTICE], to: RatingStatus.APPEAL, actor: "RATING_AUTHORITY" },
  [RatingAction.RESOLVE_APPEAL]: { from: [RatingStatus.APPEAL], to: RatingStatus.FINAL, actor: "RATING_AUTHORITY" },
  [RatingAction.VOID]: { from: NON_VOID, to: RatingStatus.VOID, actor: "RATING_AUTHORITY" },
};

/** §8.5 default length of the public notice (公示), in days. */
export const PUBLIC_NOTICE_DAYS = 7;

/** The state `action` leads to from `status`, or null when the cycle does not allow it. */
export function nextRatingStatus(status: RatingStatus, action: RatingAction): RatingStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

/** The actions the cycle allows from `status`, in declaration order. */
export function allowedRatingActions(status: RatingStatus): RatingAction[] {
  return Object.values(RatingAction).filter((action) => TRANSITIONS[action].from.includes(status));
}

/** Who may take `action`. */
export function ratingActorFor(action: RatingAction): RatingActor {
  return TRANSITIONS[action].actor;
}

/** FINAL and VOID are settled: everyone may read them (§9.2 "Rating final result"). */
export function isSettledRating(status: RatingStatus): boolean {
  return status === RatingStatus.FINAL || status === RatingStatus.VOID;
}

/** Facts the guards of §8.5 look at. */
export interface RatingGuardFacts {
  /** business today */
  today: string;
  publicNoticeTo: string | null;
  /** scheme indicators the panel has not scored yet */
  missingIndicators: string[];
}

/** Checks the guards of a legal transition: a CONFLICT with what to fix and the facts a client needs, or null. */
export function ratingGuardProblem(action: RatingAction, facts: RatingGuardFacts): Problem | null {
  if (action === RatingAction.PUBLISH_NOTICE && facts.missingIndicators.length) {
    return problem(
      "CONFLICT",
      `The public notice needs a score for every indicator; still unscored: ${facts.missingIndicators.join(", ")}. Submit those scores first.`,
      { missingIndicators: facts.missingIndicators },
    );
  }
  // the notice runs through publicNoticeTo: appeals come in during it, the result is final only after it
  if (action === RatingAction.FINALIZE && facts.publicNoticeTo !== null && facts.today <= facts.publicNoticeTo) {
    return problem("CONFLICT", `The public notice runs until ${facts.publicNoticeTo}; finalize on or after the day after.`, { publicNoticeTo: facts.publicNoticeTo });
  }
  if (action === RatingAction.RECEIVE_APPEAL && facts.publicNoticeTo !== null && facts.today > facts.publicNoticeTo) {
    return problem("CONFLICT", `Appeals are received only during the public notice, which ended on ${facts.publicNoticeTo}.`, { publicNoticeTo: facts.publicNoticeTo });
  }
  return null;
}
