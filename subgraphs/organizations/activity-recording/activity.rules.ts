import { businessDate } from "../../kit/clock";
import { DAY_MS, MINUTE_MS } from "../../kit/days";
import { problem, Problem } from "../../kit/problem";

/** §3.10: a volunteer may declare up to 60 min of preparation beyond the activity itself. */
export const PREPARATION_ALLOWANCE_MINUTES = 60;
/** §3.10: at most 16 h of volunteering a person a calendar day, across all organizations. */
export const DAILY_LIMIT_MINUTES = 16 * 60;
/** §3.10 "及时": records are due within 30 days of the activity. */
export const RECORDING_WINDOW_DAYS = 30;

export interface LineDraft {
  personId: string;
  minutes: number;
}

/** Whole minutes an activity lasts. */
export function durationMinutes(startsAt: Date, endsAt: Date): number {
  return Math.floor((endsAt.getTime() - startsAt.getTime()) / MINUTE_MS);
}

/** The Asia/Shanghai day a record's minutes count on: the day its activity starts. */
export function serviceDayOf(startsAt: Date): string {
  return businessDate(startsAt);
}

/** An activity ends after it starts, and is recorded only once it has ended (真实). */
export function checkSpan(startsAt: Date, endsAt: Date, now: Date): Problem | null {
  if (endsAt.getTime() <= startsAt.getTime()) {
    return problem("BAD_USER_INPUT", `endsAt (${endsAt.toISOString()}) must be after startsAt (${startsAt.toISOString()}).`, { argument: "input.endsAt" });
  }
  if (endsAt.getTime() > now.getTime()) {
    return problem("BAD_USER_INPUT", "endsAt lies in the future: record an activity once it has taken place.", { argument: "input.endsAt" });
  }
  return null;
}

/** Beneficiary visits (人次) are a count: zero or more. */
export function checkBeneficiaryVisits(visits: number): Problem | null {
  if (!Number.isInteger(visits) || visits < 0) {
    return problem("BAD_USER_INPUT", `beneficiaryVisits: ${visits} is not a count; give 0 or more visits (人次).`, { argument: "input.beneficiaryVisits" });
  }
  return null;
}

/** A person appears on at most one line of an activity: their minutes go on that line. */
export function checkDistinctVolunteers(lines: readonly LineDraft[]): Problem | null {
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.personId)) {
      return problem("BAD_USER_INPUT", `volunteerLines: ${line.personId} is listed twice; put all of their minutes on one line.`, { argument: "input.volunteerLines", personId: line.personId });
    }
    seen.add(line.personId);
  }
  return null;
}

/** §3.10: each line 0 < minutes ≤ the activity's duration plus the preparation allowance. */
export function checkLineMinutes(lines: readonly LineDraft[], startsAt: Date, endsAt: Date): Problem | null {
  const allowed = durationMinutes(startsAt, endsAt) + PREPARATION_ALLOWANCE_MINUTES;
  for (const line of lines) {
    if (!Number.isInteger(line.minutes) || line.minutes <= 0 || line.minutes > allowed) {
      return problem(
        "BAD_USER_INPUT",
        `volunteerLines: ${line.personId} has ${line.minutes} min, but a line must be more than 0 and at most ${allowed} min (the activity's ${allowed - PREPARATION_ALLOWANCE_MINUTES} min plus ${PREPARATION_ALLOWANCE_MINUTES} min preparation).`,
        { argument: "input.volunteerLines", personId: line.personId, minutes: line.minutes, maxMinutes: allowed },
      );
    }
  }
  return null;
}

/**
 * §3.10: a person's minutes on one Asia/Shanghai day, across all organizations, stay within 16 h.
 * `alreadyRecorded` holds each person's minutes on `day` in other current records.
 */
export function checkDailyLimit(lines: readonly LineDraft[], day: string, alreadyRecorded: ReadonlyMap<string, number>): Problem | null {
  for (const line of lines) {
    const before = alreadyRecorded.get(line.personId) ?? 0;
    if (before + line.minutes > DAILY_LIMIT_MINUTES) {
      return problem(
        "BAD_USER_INPUT",
        `volunteerLines: ${line.personId} would have ${before + line.minutes} min on ${day} (${before} min already recorded); a person volunteers at most ${DAILY_LIMIT_MINUTES} min (16 h) a day across all organizations.`,
        { argument: "input.volunteerLines", personId: line.personId, day, recordedMinutes: before, maxMinutes: DAILY_LIMIT_MINUTES - before },
      );
    }
  }
  return null;
}

/** §3.10 "及时": whether a record comes more than 30 days after its activity ended. */
export function isLateRecord(endsAt: Date, recordedAt: Date): boolean {
  return recordedAt.getTime() - endsAt.getTime() > RECORDING_WINDOW_DAYS * DAY_MS;
}

/** §3.10: entries later than 30 days need the supervisor's approval, so the leader's ORG_CONFIRMED is not enough. */
export function lateRecordNeedsSupervisor(late: boolean, target: string, organizationName: string): Problem | null {
  if (!late || target !== "ORG_CONFIRMED") return null;
  return problem(
    "FORBIDDEN",
    `This record was entered more than ${RECORDING_WINDOW_DAYS} days after the activity (及时): it needs the approval of ${organizationName}'s supervisor (SUPERVISOR_VERIFIED), not the leader's confirmation.`,
  );
}

/** What the recorder rule needs to know about the caller. */
export interface RecorderFacts {
  organizationName: string;
  /** Holds ORG_LEADER or ORG_MEMBER for the organization in the signed claims. */
  actsForOrganization: boolean;
  /** Has an active membership row in the organization. */
  activeMember: boolean;
}

/**
 * 谁组织谁记录 (§3.10, 民政部令第67号): an active member acting for the organization records its activities.
 * A late record is accepted but counts only once the supervisor approves it (lateRecordNeedsSupervisor).
 */
export function checkRecorder(facts: RecorderFacts): Problem | null {
  if (facts.actsForOrganization && facts.activeMember) return null;
  return problem(
    "FORBIDDEN",
    `Only an active member of ${facts.organizationName} acting as its ORG_LEADER or ORG_MEMBER may record its activities (谁组织谁记录).`,
  );
}
