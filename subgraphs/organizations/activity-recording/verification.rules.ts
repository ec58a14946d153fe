import { VerificationStatus } from "../activities";
import { problem, Problem } from "../../kit/problem";

/** Who may set a verification status (§3.10, §9.2): the organization's leader confirms, its supervisor verifies or rejects. */
export const VERIFIER: Record<Exclude<VerificationStatus, VerificationStatus.UNVERIFIED>, "ORG_LEADER" | "SUPERVISOR"> = {
  [VerificationStatus.ORG_CONFIRMED]: "ORG_LEADER",
  [VerificationStatus.SUPERVISOR_VERIFIED]: "SUPERVISOR",
  [VerificationStatus.REJECTED]: "SUPERVISOR",
};

// A verification only moves forward; a REJECTED or wrong record is fixed by a correction (a new UNVERIFIED version).
const NEXT: Record<VerificationStatus, VerificationStatus[]> = {
  [VerificationStatus.UNVERIFIED]: [VerificationStatus.ORG_CONFIRMED, VerificationStatus.SUPERVISOR_VERIFIED, VerificationStatus.REJECTED],
  [VerificationStatus.ORG_CONFIRMED]: [VerificationStatus.SUPERVISOR_VERIFIED, VerificationStatus.REJECTED],
  [VerificationStatus.SUPERVISOR_VERIFIED]: [],
  [VerificationStatus.REJECTED]: [],
};

/** The statuses a record in `current` may move to. */
export function allowedVerifications(current: VerificationStatus): VerificationStatus[] {
  return NEXT[current];
}

/** Checks one verification step: the target is settable, a rejection says why, and the step is allowed from `current`. */
export function checkVerification(current: VerificationStatus, target: VerificationStatus, comment: string | null): Problem | null {
  if (target === VerificationStatus.UNVERIFIED) {
    return problem("BAD_USER_INPUT", "status: a record cannot be set back to UNVERIFIED; correct it with correctServiceActivity instead.", { argument: "status" });
  }
  if (target === VerificationStatus.REJECTED && !comment?.trim()) {
    return problem("BAD_USER_INPUT", "comment: say why the record is rejected, so the organization can correct it.", { argument: "comment" });
  }
  const allowed = NEXT[current];
  if (!allowed.includes(target)) {
    const next = allowed.length ? `it can become ${allowed.join(" or ")}` : "it cannot change any more; correct the record to start a new version";
    return problem("CONFLICT", `The record is ${current}: ${next}.`, { state: current, allowed });
  }
  return null;
}
