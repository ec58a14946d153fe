import { PolicyFacts } from "../facilities";
import { ConflictReason } from "./booking.enums";
import { Conflict } from "./conflict.rules";

/** What venues knows of an organization for C7: a snapshot of the organizations subgraph's legalForm and status. */
export interface EligibilityFacts {
  legalForm: string;
  status: string;
}

const notEligible = (message: string): Conflict => ({ reason: ConflictReason.NOT_ELIGIBLE, startsAt: null, endsAt: null, message });

/**
 * C7 Eligibility: the organization is ACTIVE and of a legal form the venue admits; an INFORMAL team books only
 * through a sponsoring community worker (`sponsored`). Purposes are all non-commercial by construction.
 */
export function eligibilityConflicts(organization: EligibilityFacts | null, policy: Pick<PolicyFacts, "eligibleLegalForms">, sponsored: boolean): Conflict[] {
  if (!organization) return [notEligible("The venues service has no record of this organization's status and legal form yet; ask the federation office to register it.")];
  const conflicts: Conflict[] = [];
  if (organization.status !== "ACTIVE") conflicts.push(notEligible(`The organization is ${organization.status}; only ACTIVE organizations may book rooms.`));
  if (!policy.eligibleLegalForms.includes(organization.legalForm)) {
    conflicts.push(notEligible(`This venue admits ${policy.eligibleLegalForms.join(", ")} organizations, not ${organization.legalForm}.`));
  } else if (organization.legalForm === "INFORMAL" && !sponsored) {
    conflicts.push(notEligible("An informal team books through a sponsoring community worker (社区工作者): ask them to make the booking for the team."));
  }
  return conflicts;
}

