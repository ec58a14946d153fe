import { writeTransaction } from "../../kit/transaction";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { newId, parseId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { BadInputError, ForbiddenError, NotFoundError } from "../../../platform/errors";
import { lastVisits, notesFor } from "./supervision-notes.rules";
import { areaByCode, Organization, organizationById } from "../directory";
import { SupervisionAssignment } from "./supervision-assignment.entity";
import { SupervisionVisit } from "./supervision-visit.entity";
import { supervisionByOrganization, visitsByAssignment } from "./supervision.loaders";
import { SupervisionVisitType } from "./supervision.enums";
import { isAssignedSupervisor, notesAccess, seesAssignment } from "./supervision.policy";

const MAX_NOTES = 2000;
const MAX_LAST = 100;

export interface RecordVisitArgs {
  assignmentId: string;
  date: string;
  type: SupervisionVisitType;
  notes?: string | null;
  shareWithLeader?: boolean | null;
}

/** Supervision assignments and visits (DOMAIN §3.6) with the notes restrictions of §9.2. */
export class SupervisionService {
  /** The organization's assignments, past ones included, that this caller may know of (§9.2); none for everyone else. */
  async forOrganization(ctx: HubContext, org: Organization): Promise<SupervisionAssignment[]> {
    if (ctx.viewer.anonymous) return [];
    const orgArea = await areaByCode(ctx).load(org.homeAreaCode);
    const assignments = await supervisionByOrganization(ctx).load(org.id);
    return assignments.filter((assignment) => seesAssignment(ctx.viewer, { ...assignment, orgArea }));
  }

  /** The `last` most recent visits of an assignment, oldest first. */
  async visits(ctx: HubContext, assignment: SupervisionAssignment, last: number | null | undefined): Promise<SupervisionVisit[]> {
    const count = last ?? 5;
    if (!Number.isInteger(count) || count < 1 || count > MAX_LAST) {
      throw new BadInputError(`last: ${last} is out of range; ask for 1 to ${MAX_LAST} visits.`, { argument: "last", max: MAX_LAST });
    }
    return lastVisits(await visitsByAssignment(ctx).load(assignment.id), count);
  }

  /** The notes as this caller may read them: in full, as a summary, or null. */
  async notes(ctx: HubContext, visit: SupervisionVisit): Promise<string | null> {
    if (visit.notes === null || ctx.viewer.anonymous) return null;
    const assignment = await rowLoader(ctx, SupervisionAssignment).load(visit.assignmentId);
    if (!assignment) return null;
    const org = await organizationById(ctx).load(assignment.organizationId);
    const orgArea = org ? await areaByCode(ctx).load(org.homeAreaCode) : null;
    const access = notesAccess(ctx.viewer, { ...assignment, orgArea, shareWithLeader: visit.shareWithLeader });
    return notesFor(visit.notes, access);
  }

  /** Records a visit; only the supervisor of the assignment may, for a past day within the assignment's span. */
  async recordVisit(ctx: HubContext, args: RecordVisitArgs): Promise<SupervisionVisit> {
    if (!ctx.viewer.personId || !ctx.viewer.has("SUPERVISOR")) {
      throw new ForbiddenError("Only the supervisor assigned to the organization may record its supervision visits; sign in as that supervisor (SUPERVISOR).");
    }
    const id = parseId("SupervisionAssignment", args.assignmentId, "assignmentId");
    const assignment = await ctx.db.getRepository(SupervisionAssignment).findOneBy({ id });
    if (!assignment) throw new NotFoundError("SupervisionAssignment", id);
    if (!isAssignedSupervisor(ctx.viewer, assignment)) {
      throw new ForbiddenError("Only the supervisor assigned to this organization may record its supervision visits.");
    }
    const today = businessDate(now());
    if (args.date > today) throw new BadInputError(`date: ${args.date} is in the future; record visits that have taken place (today is ${today}).`, { argument: "date", today });
    if (args.date < assignment.since || (assignment.until !== null && args.date >= assignment.until)) {
      throw new BadInputError(
        `date: ${args.date} is outside the assignment, which runs from ${assignment.since}${assignment.until ? ` until ${assignment.until} (exclusive)` : ""}.`,
        { argument: "date", since: assignment.since, until: assignment.until },
      );
    }
    const notes = args.notes?.trim() || null;
    if (notes && notes.length > MAX_NOTES) throw new BadInputError(`notes: keep the notes to ${MAX_NOTES} characters.`, { argument: "notes", max: MAX_NOTES });
    const visit: SupervisionVisit = {
      id: newId("SupervisionVisit"),
      assignmentId: id,
      date: args.date,
      type: args.type,
      notes,
      shareWithLeader: args.shareWithLeader ?? false,
      recordedAt: now(),
    };
    await writeTransaction(ctx.db, (tx) => tx.getRepository(SupervisionVisit).insert(visit));
    return visit;
  }
}
