import { problem, Problem } from "../../kit/problem";
import { OrgForm, OrgStatus } from "../directory";
import { FilingAction, FilingStatus } from "./filing.enums";

// The filing (备案) state machine of DOMAIN §8.1 as plain data: which action leads where, who may take it,
// and the guards that need no database. The service feeds it facts and writes what it decides.

const { DRAFT, SUBMITTED, COMMUNITY_REVIEWED, STREET_REVIEW, PUBLIC_NOTICE, FILED, RETURNED, REJECTED, CHANGE_PENDING, SUSPENDED, DEREGISTERED } =
  FilingStatus;
const A = FilingAction;

/** Per state, the actions allowed from it and the state each leads to. States without entries are terminal. */
export const FILING_TRANSITIONS: Readonly<Record<FilingStatus, Readonly<Partial<Record<FilingAction, FilingStatus>>>>> = {
  // REJECT is possible from any pre-FILED state (§8.1 "any pre-FILED ─REJECT→ REJECTED")
  [DRAFT]: { [A.SUBMIT]: SUBMITTED, [A.REJECT]: REJECTED },
  [SUBMITTED]: { [A.COMMUNITY_APPROVE]: COMMUNITY_REVIEWED, [A.RETURN]: RETURNED, [A.REJECT]: REJECTED },
  [COMMUNITY_REVIEWED]: { [A.STREET_ACCEPT]: STREET_REVIEW, [A.RETURN]: RETURNED, [A.REJECT]: REJECTED },
  // the public notice is optional: APPROVE may follow STREET_REVIEW directly
  [STREET_REVIEW]: { [A.START_NOTICE]: PUBLIC_NOTICE, [A.APPROVE]: FILED, [A.RETURN]: RETURNED, [A.REJECT]: REJECTED },
  [PUBLIC_NOTICE]: { [A.APPROVE]: FILED, [A.REJECT]: REJECTED },
  [RETURNED]: { [A.SUBMIT]: SUBMITTED, [A.REJECT]: REJECTED },
  [FILED]: { [A.SUSPEND]: SUSPENDED, [A.DEREGISTER]: DEREGISTERED },
  [SUSPENDED]: { [A.REINSTATE]: FILED, [A.DEREGISTER]: DEREGISTERED },
  // a change of leader/name/charter: approved, or returned leaving the filing as it was
  [CHANGE_PENDING]: { [A.APPROVE]: FILED, [A.RETURN]: FILED },
  [REJECTED]: {},
  [DEREGISTERED]: {},
  [FilingStatus.CONVERTED_TO_REGISTERED]: {},
};

/** The roles that act on filings. Federation admins do not (§8.1 names no FA transition). */
export type FilingActorRole = "ORG_LEADER" | "COMMUNITY_STAFF" | "STREET_STAFF";

/** The one role each action needs (§8.1 actor table). */
export const FILING_ACTORS: Readonly<Record<FilingAction, FilingActorRole>> = {
  [A.SUBMIT]: "ORG_LEADER",
  [A.COMMUNITY_APPROVE]: "COMMUNITY_STAFF",
  [A.STREET_ACCEPT]: "STREET_STAFF",
  [A.START_NOTICE]: "STREET_STAFF",
  [A.APPROVE]: "STREET_STAFF",
  [A.RETURN]: "STREET_STAFF",
  [A.REJECT]: "STREET_STAFF",
  [A.SUSPEND]: "STREET_STAFF",
  [A.REINSTATE]: "STREET_STAFF",
  [A.DEREGISTER]: "STREET_STAFF",
};

const ACTOR_WORDS: Record<FilingActorRole, string> = {
  ORG_LEADER: "the organization's own leader (ORG_LEADER of that organization)",
  COMMUNITY_STAFF: "community staff (COMMUNITY_STAFF) whose area covers the organization's home area",
  STREET_STAFF: "street staff (STREET_STAFF) whose area covers the organization's home area",
};

/** Who may take `action`, in words for a FORBIDDEN message. */
export function describeFilingActor(action: FilingAction): string {
  return ACTOR_WORDS[FILING_ACTORS[action]];
}

/** What the service knows about the caller relative to one filing's organization. */
export interface FilingActorFacts {
  leadsOrganization: boolean;
  communityStaffInScope: boolean;
  streetStaffInScope: boolean;
}

/** The role the caller takes `action` in, or null when they may not take it. */
export function actingRole(action: FilingAction, facts: FilingActorFacts): FilingActorRole | null {
  const role = FILING_ACTORS[action];
  const holds =
    role === "ORG_LEADER" ? facts.leadsOrganization : role === "COMMUNITY_STAFF" ? facts.communityStaffInScope : facts.streetStaffInScope;
  return holds ? role : null;
}

/** Actions allowed from `state`, in the enum's order. */
export function allowedFilingActions(state: FilingStatus): FilingAction[] {
  const moves = FILING_TRANSITIONS[state];
  return Object.values(FilingAction).filter((action) => moves[action] !== undefined);
}

/** The state `action` leads to from `state`, or null when it is not allowed there. */
export function nextFilingState(state: FilingStatus, action: FilingAction): FilingStatus | null {
  return FILING_TRANSITIONS[state][action] ?? null;
}

/** RETURN and REJECT must tell the organization why (§8.1). */
export function filingCommentRequired(action: FilingAction): boolean {
  return action === A.RETURN || action === A.REJECT;
}

/** Staff actions: a staffer who is a member of the organization may not take them (§9.2 separation of duty). */
export function isStaffAction(action: FilingAction): boolean {
  return FILING_ACTORS[action] !== "ORG_LEADER";
}

/** Association-type forms need ≥ 10 members, others ≥ 2 (§1.2 Guangdong thresholds, §8.1 SUBMIT guard). */
export function minimumMembersFor(orgForm: OrgForm | null): number {
  return orgForm === OrgForm.ASSOCIATION || orgForm === OrgForm.SOCIETY ? 10 : 2;
}

/** The facts the SUBMIT guard looks at. */
export interface SubmitFacts {
  name: string;
  charterDocumentUrl: string | null;
  hasActiveLeader: boolean;
  venueDeclared: boolean;
  activeMemberCount: number;
  orgForm: OrgForm | null;
  homeAreaInAuthority: boolean;
}

/** The SUBMIT preconditions of §8.1; clients read the one a problem names in `extensions.problems[].code`. */
export type SubmitRequirement = "NAME" | "CHARTER" | "LEADER" | "VENUE" | "MEMBERS" | "AREA";

/** An unmet SUBMIT precondition: a CONFLICT with what to fix, naming its requirement. */
function unmet(requirement: SubmitRequirement, message: string): Problem {
  return problem("CONFLICT", message, { requirement });
}

/** Every unmet SUBMIT precondition of §8.1 at once, so the leader can fix them together. */
export function submitProblems(facts: SubmitFacts): Problem[] {
  const problems: Problem[] = [];
  if (!facts.name.trim()) problems.push(unmet("NAME", "Give the organization a name."));
  if (!facts.charterDocumentUrl?.trim()) problems.push(unmet("CHARTER", "Attach the charter (章程) document."));
  if (!facts.hasActiveLeader) problems.push(unmet("LEADER", "Name an active leader (负责人) among the members."));
  if (!facts.venueDeclared) problems.push(unmet("VENUE", "Declare a relatively fixed venue."));
  const minimum = minimumMembersFor(facts.orgForm);
  if (facts.activeMemberCount < minimum) problems.push(unmet("MEMBERS", `Have at least ${minimum} active members (now ${facts.activeMemberCount}).`));
  if (!facts.homeAreaInAuthority) problems.push(unmet("AREA", "The home area must lie inside the filing authority's area."));
  return problems;
}

/** How the organization's status follows its filing (§3.1 status, §8.1); null when it stays as it is. */
export function organizationStatusAfter(from: FilingStatus, to: FilingStatus): OrgStatus | null {
  if (to === FILED) return from === CHANGE_PENDING ? null : OrgStatus.ACTIVE;
  if (to === SUSPENDED) return OrgStatus.SUSPENDED;
  if (to === DEREGISTERED) return OrgStatus.DEREGISTERED;
  return null;
}
