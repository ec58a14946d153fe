import { problem, Problem } from "../../kit/problem";
import { addYears } from "./rating-calendar.rules";

/** Why a panelist must stand aside (DOMAIN §8.5, §9.2 separation of duties). */
export type RecusalReason = "SUPERVISES_ORGANIZATION" | "MEMBER_OF_ORGANIZATION" | "FORMER_MEMBER_WITHIN_2_YEARS";

/** §8.5: ex-members recuse when they left less than this many years ago. */
export const EX_MEMBER_YEARS = 2;

export interface RecusalFacts {
  personId: string;
  /** people supervising the organization on `today` */
  supervisorIds: readonly string[];
  /** the person's memberships in the organization, past ones included */
  memberships: readonly { joinedOn: string; leftOn: string | null }[];
  today: string;
}

/** The conflict of interest that bars this panelist from scoring the organization, or null. */
export function recusalReason(facts: RecusalFacts): RecusalReason | null {
  if (facts.supervisorIds.includes(facts.personId)) return "SUPERVISES_ORGANIZATION";
  const started = facts.memberships.filter((m) => m.joinedOn <= facts.today);
  if (started.some((m) => m.leftOn === null || m.leftOn > facts.today)) return "MEMBER_OF_ORGANIZATION";
  const cutoff = addYears(facts.today, -EX_MEMBER_YEARS);
  if (started.some((m) => m.leftOn !== null && m.leftOn > cutoff)) return "FORMER_MEMBER_WITHIN_2_YEARS";
  return null;
}

/** What the panelist is told: FORBIDDEN, with the reason. */
export function recusalProblem(reason: RecusalReason, organizationName: string): Problem {
  const why = {
    SUPERVISES_ORGANIZATION: `you supervise ${organizationName}`,
    MEMBER_OF_ORGANIZATION: `you are a member of ${organizationName}`,
    FORMER_MEMBER_WITHIN_2_YEARS: `you were a member of ${organizationName} within the last ${EX_MEMBER_YEARS} years`,
  }[reason];
  return problem("FORBIDDEN", `You must recuse yourself from scoring this evaluation: ${why} (conflict of interest, DOMAIN §8.5). Another panelist has to enter the scores.`, { reason });
}
