import { EntityManager } from "typeorm";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { BadInputError, ForbiddenError } from "../../../platform/errors";
import { newId, orderedIds, parseAreaCode, parseId } from "../../kit/ids";
import { raise } from "../../kit/problem";
import {
  checkBeneficiaryVisits,
  checkDailyLimit,
  checkDistinctVolunteers,
  checkLineMinutes,
  checkRecorder,
  checkSpan,
  serviceDayOf,
} from "./activity.rules";
import { actsFor, areaByCode, Membership, Organization, personById } from "../directory";
import { ServiceActivity, VerificationStatus, VolunteerHourLine } from "../activities";
import { RecordServiceActivityInput } from "./service-activity.input";

// The checks recording and correcting share (DOMAIN §3.10), in the order a service runs them.

// a record's lines keep their input order when listed by id
const newLineId = orderedIds("VolunteerHourLine");
const MAX_TITLE = 100;
const MAX_ROLE = 40;

/** A record that passed every check that needs no transaction. */
export interface ActivityDraft {
  organizationId: string;
  title: string;
  type: RecordServiceActivityInput["type"];
  startsAt: Date;
  endsAt: Date;
  serviceDay: string;
  areaCode: string;
  bookingId: string | null;
  grantId: string | null;
  leadOrganizerId: string | null;
  beneficiaryVisits: number;
  lines: { personId: string; minutes: number; role: string | null }[];
}

/** 谁组织谁记录: an active member acting for the organization records its activities (FORBIDDEN otherwise). */
export async function authorizeRecorder(ctx: HubContext, organization: Organization): Promise<void> {
  const viewer = ctx.viewer;
  if (!viewer.personId) throw new ForbiddenError(`Sign in as a person: records of ${organization.name} name the person who recorded them (谁记录谁证明).`);
  const today = businessDate(now());
  const activeMember = await ctx.db
    .getRepository(Membership)
    .createQueryBuilder("m")
    .where("m.organizationId = :organizationId AND m.personId = :personId", { organizationId: organization.id, personId: viewer.personId })
    .andWhere("m.joinedOn <= :today AND (m.leftOn IS NULL OR m.leftOn > :today)", { today })
    .getExists();
  raise(
    checkRecorder({
      organizationName: organization.name,
      actsForOrganization: actsFor(viewer, "ORG_LEADER", organization.id) || actsFor(viewer, "ORG_MEMBER", organization.id),
      activeMember,
    }),
  );
}

/** Checks the input's values and references; the 16 h a day rule runs later, inside the transaction. */
export async function draftActivity(ctx: HubContext, organizationId: string, input: RecordServiceActivityInput): Promise<ActivityDraft> {
  const title = input.title.trim();
  if (!title || title.length > MAX_TITLE) throw new BadInputError(`input.title: give a title of 1 to ${MAX_TITLE} characters.`, { argument: "input.title" });
  raise(checkSpan(input.startsAt, input.endsAt, now()));
  raise(checkBeneficiaryVisits(input.beneficiaryVisits));
  const areaCode = parseAreaCode(input.areaCode, "input.areaCode");
  if (!(await areaByCode(ctx).load(areaCode))) throw new BadInputError(`input.areaCode: no area has the code "${areaCode}".`, { argument: "input.areaCode" });
  // bookings and grants live in other subgraphs: only the kind of id is checked here
  const bookingId = input.bookingId ? parseId("Booking", input.bookingId, "input.bookingId") : null;
  const grantId = input.grantId ? parseId("Grant", input.grantId, "input.grantId") : null;
  const leadOrganizerId = input.leadOrganizerId ? parseId("Person", input.leadOrganizerId, "input.leadOrganizerId") : null;
  const lines = input.volunteerLines.map((line, i) => {
    const role = line.role?.trim() || null;
    if (role && role.length > MAX_ROLE) throw new BadInputError(`input.volunteerLines[${i}].role: at most ${MAX_ROLE} characters.`, { argument: `input.volunteerLines[${i}].role` });
    return { personId: parseId("Person", line.personId, `input.volunteerLines[${i}].personId`), minutes: line.minutes, role };
  });
  raise(checkDistinctVolunteers(lines));
  raise(checkLineMinutes(lines, input.startsAt, input.endsAt));
  const personIds = [...new Set([...lines.map((l) => l.personId), ...(leadOrganizerId ? [leadOrganizerId] : [])])];
  const people = await personById(ctx).loadMany(personIds);
  const unknown = personIds.filter((_, i) => !people[i] || people[i] instanceof Error);
  if (unknown.length) throw new BadInputError(`No person has the id ${unknown.map((id) => `"${id}"`).join(", ")}; record only registered people.`, { argument: "input.volunteerLines", unknownPersonIds: unknown });
  return {
    organizationId,
    title,
    type: input.type,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    serviceDay: serviceDayOf(input.startsAt),
    areaCode,
    bookingId,
    grantId,
    leadOrganizerId,
    beneficiaryVisits: input.beneficiaryVisits,
    lines,
  };
}

/** §3.10: each person's minutes that day in other current, not rejected records, across all organizations. */
export async function checkDailyMinutes(tx: EntityManager, draft: ActivityDraft, replacingId: string | null): Promise<void> {
  if (!draft.lines.length) return;
  const query = tx
    .getRepository(VolunteerHourLine)
    .createQueryBuilder("l")
    .innerJoin(ServiceActivity, "a", "a.id = l.activityId")
    .select("l.personId", "personId")
    .addSelect("SUM(l.minutes)", "minutes")
    .where("l.personId IN (:...personIds)", { personIds: draft.lines.map((l) => l.personId) })
    .andWhere("l.serviceDay = :day", { day: draft.serviceDay })
    .andWhere("a.supersededById IS NULL")
    .andWhere("a.verification <> :rejected", { rejected: VerificationStatus.REJECTED })
    .groupBy("l.personId");
  if (replacingId) query.andWhere("a.id <> :replacingId", { replacingId });
  const rows: { personId: string; minutes: number | string }[] = await query.getRawMany();
  raise(checkDailyLimit(draft.lines, draft.serviceDay, new Map(rows.map((r) => [r.personId, Number(r.minutes)]))));
}

/** Writes one version of a record and its lines; the caller holds the transaction. */
export async function insertVersion(
  tx: EntityManager,
  draft: ActivityDraft,
  version: { recordedById: string; number: number; supersedesId: string | null; correctionReason: string | null },
): Promise<ServiceActivity> {
  const activity: ServiceActivity = {
    id: newId("ServiceActivity"),
    organizationId: draft.organizationId,
    title: draft.title,
    type: draft.type,
    startsAt: draft.startsAt,
    endsAt: draft.endsAt,
    serviceDay: draft.serviceDay,
    areaCode: draft.areaCode,
    bookingId: draft.bookingId,
    grantId: draft.grantId,
    leadOrganizerId: draft.leadOrganizerId,
    recordedById: version.recordedById,
    recordedAt: now(),
    beneficiaryVisits: draft.beneficiaryVisits,
    volunteerMinutes: draft.lines.reduce((sum, l) => sum + l.minutes, 0),
    verification: VerificationStatus.UNVERIFIED,
    verifiedById: null,
    verifiedAt: null,
    verificationComment: null,
    version: version.number,
    supersedesId: version.supersedesId,
    supersededById: null,
    correctionReason: version.correctionReason,
  };
  await tx.getRepository(ServiceActivity).insert(activity);
  if (draft.lines.length) {
    await tx.getRepository(VolunteerHourLine).insert(
      draft.lines.map((line) => ({ id: newLineId(), activityId: activity.id, personId: line.personId, serviceDay: draft.serviceDay, minutes: line.minutes, role: line.role })),
    );
  }
  return activity;
}
