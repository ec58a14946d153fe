import { problem, Problem } from "../../kit/problem";
import { LegalForm, MemberRole } from "../directory";

// Role changes and leaving (DOMAIN §3.2): a change closes the held row and opens a new one, so history stays.

/** Forms that must keep exactly one active LEADER (§3.1 leader). */
export function leaderRequired(legalForm: LegalForm): boolean {
  return legalForm === LegalForm.FILED || legalForm === LegalForm.SOCIAL_GROUP || legalForm === LegalForm.SOCIAL_SERVICE_AGENCY;
}

/** A membership row as the rules see it. */
export interface HeldRole {
  id: string;
  personId: string;
  role: MemberRole;
  joinedOn: string;
  leftOn: string | null;
}

/** Rows to close on `on` and roles to open from `on`. */
export interface MembershipPlan {
  close: { id: string; on: string }[];
  open: { personId: string; role: MemberRole; from: string }[];
}

function dayProblem(argument: string, day: string, held: HeldRole, today: string): Problem | null {
  if (day > today) return problem("BAD_USER_INPUT", `${argument}: ${day} is in the future; give today (${today}) or an earlier day.`);
  if (day < held.joinedOn) return problem("BAD_USER_INPUT", `${argument}: ${day} is before the role began (${held.joinedOn}); give ${held.joinedOn} or later.`);
  return null;
}

function endedProblem(held: HeldRole): Problem | null {
  return held.leftOn === null ? null : problem("CONFLICT", `This membership ended on ${held.leftOn}; only active memberships change.`, { leftOn: held.leftOn });
}

/**
 * Changes `held` to `role` from `effectiveOn`. Making someone LEADER demotes the current leader to DEPUTY the same day,
 * so an organization never has two leaders; taking the only leader's role away is refused where a leader is required.
 */
export function planRoleChange(
  held: HeldRole,
  role: MemberRole,
  effectiveOn: string,
  today: string,
  legalForm: LegalForm,
  activeMembers: readonly HeldRole[],
): MembershipPlan | Problem {
  const refused = endedProblem(held) ?? dayProblem("effectiveOn", effectiveOn, held, today);
  if (refused) return refused;
  if (role === held.role) return problem("BAD_USER_INPUT", `role: the member already holds ${role}; pick another role.`);
  if (held.role === MemberRole.LEADER && leaderRequired(legalForm)) {
    return problem("CONFLICT", `A ${legalForm} organization keeps exactly one leader: make another member LEADER instead, which makes this leader DEPUTY.`, { legalForm });
  }
  const plan: MembershipPlan = { close: [{ id: held.id, on: effectiveOn }], open: [{ personId: held.personId, role, from: effectiveOn }] };
  if (role === MemberRole.LEADER) {
    for (const leader of activeMembers.filter((m) => m.role === MemberRole.LEADER && m.id !== held.id)) {
      if (effectiveOn < leader.joinedOn) {
        return problem("BAD_USER_INPUT", `effectiveOn: the current leader took office on ${leader.joinedOn}; give that day or later.`);
      }
      plan.close.push({ id: leader.id, on: effectiveOn });
      plan.open.push({ personId: leader.personId, role: MemberRole.DEPUTY, from: effectiveOn });
    }
  }
  return plan;
}

/** Closes `held` on `leftOn`; the only leader of a form that needs one cannot simply leave. */
export function planLeave(held: HeldRole, leftOn: string, today: string, legalForm: LegalForm): MembershipPlan | Problem {
  const refused = endedProblem(held) ?? dayProblem("leftOn", leftOn, held, today);
  if (refused) return refused;
  if (held.role === MemberRole.LEADER && leaderRequired(legalForm)) {
    return problem("CONFLICT", `A ${legalForm} organization keeps exactly one leader: make another member LEADER first, then this member can leave.`, { legalForm });
  }
  return { close: [{ id: held.id, on: leftOn }], open: [] };
}

/** Whether a planner returned a problem rather than a plan. */
export function isProblem(result: MembershipPlan | Problem): result is Problem {
  return "code" in result;
}
