import { problem, Problem } from "../../kit/problem";
import { HubType, OrgStatus } from "../directory";
import { FederationMembershipStatus } from "./federation-membership.enums";

// Federation membership rules of DOMAIN §3.7, on plain values.

const { APPLIED, ACTIVE, SUSPENDED, LEFT } = FederationMembershipStatus;

/** Decisions allowed from each status; LEFT is final (a new application starts a new row). */
export const FEDERATION_MEMBERSHIP_MOVES: Readonly<Record<FederationMembershipStatus, readonly FederationMembershipStatus[]>> = {
  [APPLIED]: [ACTIVE, LEFT],
  [ACTIVE]: [SUSPENDED, LEFT],
  [SUSPENDED]: [ACTIVE, LEFT],
  [LEFT]: [],
};

/** Whether an area path lies in the subtree of another (paths are "340100/340104/340104Z01/"). */
export function inAreaSubtree(path: string, subtreeRootPath: string): boolean {
  return path.startsWith(subtreeRootPath);
}

/** Facts an application or a decision is judged on. */
export interface FederationFacts {
  federationHubType: HubType | null;
  federationStatus: OrgStatus;
  federationName: string;
  memberIsFederation: boolean;
  /** §3.7: a federation admits only organizations whose home area lies in its area subtree. */
  memberInFederationArea: boolean;
}

/** Why `member` cannot belong to `federation` at all, or null. */
export function eligibilityProblem(facts: FederationFacts): Problem | null {
  if (facts.federationHubType !== HubType.FEDERATION) {
    return problem("BAD_USER_INPUT", `${facts.federationName} is not a federation (hubType FEDERATION); apply to a 联合会.`);
  }
  if (facts.memberIsFederation) return problem("BAD_USER_INPUT", "A federation cannot be its own member.");
  if (!facts.memberInFederationArea) {
    return problem(
      "BAD_USER_INPUT",
      `The organization's home area lies outside ${facts.federationName}'s area; a federation admits only organizations of its own area (§3.7).`,
    );
  }
  if (facts.federationStatus === OrgStatus.DEREGISTERED) return problem("CONFLICT", `${facts.federationName} is deregistered and admits no members.`);
  return null;
}

/** Why a decision from `from` to `to` is not allowed, or null. */
export function decisionProblem(from: FederationMembershipStatus, to: FederationMembershipStatus, facts: FederationFacts): Problem | null {
  const allowed = FEDERATION_MEMBERSHIP_MOVES[from];
  if (!allowed.includes(to)) {
    return problem("CONFLICT", `The membership is ${from}; it cannot become ${to}. Allowed from ${from}: ${allowed.join(", ") || "nothing (final)"}.`, { state: from, allowed });
  }
  if (to === LEFT) return null; // leaving never depends on the area or the federation's status
  const ineligible = eligibilityProblem(facts);
  if (ineligible) return ineligible;
  // §3.7: while the federation is PREPARING (筹备), members may apply but not yet become ACTIVE
  if (to === ACTIVE && facts.federationStatus === OrgStatus.PREPARING) {
    return problem("CONFLICT", `${facts.federationName} is still PREPARING (筹备); members can become ACTIVE once it is ACTIVE itself.`, {
      federationStatus: facts.federationStatus,
    });
  }
  return null;
}
