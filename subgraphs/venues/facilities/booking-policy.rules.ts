import { BookingPurpose } from "./facility.enums";

/** A venue's exception to its policy for one purpose, optionally only in some rooms (e.g. a 60-day horizon for courses). */
export interface PurposeOverrideFacts {
  purpose: BookingPurpose;
  roomIds: string[] | null;
  minLeadHours?: number | null;
  maxAdvanceDays?: number | null;
  maxDurationMinutes?: number | null;
  requiresApproval?: boolean | null;
}

/** A facility's booking policy (DOMAIN §5). */
export interface PolicyFacts {
  minLeadHours: number;
  maxAdvanceDays: number;
  maxDurationMinutes: number;
  bufferMinutes: number;
  slotMinutes: number;
  perOrgMonthlyMinutesCap: number | null;
  perOrgMaxActiveBookings: number | null;
  requiresApproval: boolean;
  /** Bookings expecting more people than this need approval even when the venue auto-approves. */
  approvalAboveAttendance: number | null;
  cancellationCutoffHours: number;
  /** Legal forms that may book (C7); the organizations subgraph's LegalForm values. */
  eligibleLegalForms: string[];
  purposeOverrides: PurposeOverrideFacts[];
}

/** Legal forms of DOMAIN §1.2, as the organizations subgraph spells them. */
export const LEGAL_FORMS = ["SOCIAL_GROUP", "SOCIAL_SERVICE_AGENCY", "FOUNDATION", "FILED", "INFORMAL"] as const;

/** The sample 社区活动室管理制度 (DOMAIN §5, [S25]): used for a facility that has no policy of its own. */
export const DEFAULT_POLICY: PolicyFacts = {
  minLeadHours: 2,
  maxAdvanceDays: 3,
  maxDurationMinutes: 240,
  bufferMinutes: 15,
  slotMinutes: 30,
  perOrgMonthlyMinutesCap: 20 * 60,
  perOrgMaxActiveBookings: null,
  requiresApproval: false,
  approvalAboveAttendance: null,
  cancellationCutoffHours: 24,
  eligibleLegalForms: [...LEGAL_FORMS],
  purposeOverrides: [],
};

/** The policy that governs one purpose in one room: the facility's policy with its matching override applied. */
export function effectivePolicy(policy: PolicyFacts, purpose: BookingPurpose, roomId: string): PolicyFacts {
  const override = policy.purposeOverrides.find((o) => o.purpose === purpose && (!o.roomIds || o.roomIds.includes(roomId)));
  if (!override) return policy;
  return {
    ...policy,
    minLeadHours: override.minLeadHours ?? policy.minLeadHours,
    maxAdvanceDays: override.maxAdvanceDays ?? policy.maxAdvanceDays,
    maxDurationMinutes: override.maxDurationMinutes ?? policy.maxDurationMinutes,
    requiresApproval: override.requiresApproval ?? policy.requiresApproval,
  };
}
