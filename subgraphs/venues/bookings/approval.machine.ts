import { DAY_MS } from "../../kit/days";
import { PolicyFacts } from "../facilities";

/** No-show rule (§8.3): three no-shows within 90 days put an organization on approval for 60 days after the third. */
export function onNoShowProbation(noShowStarts: readonly Date[], now: Date): boolean {
  const times = noShowStarts.map((d) => d.getTime()).filter((t) => t <= now.getTime()).sort((a, b) => a - b);
  for (let k = 2; k < times.length; k += 1) {
    if (times[k] - times[k - 2] <= 90 * DAY_MS && now.getTime() - times[k] < 60 * DAY_MS) return true;
  }
  return false;
}

/** Whether a booking waits for the operator (PENDING_APPROVAL) instead of being confirmed at once. */
export function needsApproval(policy: Pick<PolicyFacts, "requiresApproval" | "approvalAboveAttendance">, expectedAttendance: number, onProbation: boolean): boolean {
  return policy.requiresApproval || onProbation || (policy.approvalAboveAttendance !== null && expectedAttendance > policy.approvalAboveAttendance);
}
