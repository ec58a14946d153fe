import { writeTransaction } from "../../kit/transaction";
import { now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from "../../../platform/errors";
import { parseId } from "../../kit/ids";
import { raise } from "../../kit/problem";
import { checkVerification, VERIFIER } from "./verification.rules";
import { isLateRecord, lateRecordNeedsSupervisor } from "./activity.rules";
import { recomputeLeaderDependency } from "../leader-dependency";
import { actsFor, Organization, organizationById } from "../directory";
import { ServiceActivity, VerificationStatus } from "../activities";
import { RecordServiceActivityInput } from "./service-activity.input";
import { authorizeRecorder, checkDailyMinutes, draftActivity, insertVersion } from "./activity-draft.service";

const MAX_TEXT = 200;

/** Recording, correcting and verifying service records (DOMAIN §3.10, M9). */
export class ServiceActivityService {
  /** M9: a new record, UNVERIFIED, written with its lines in one transaction. */
  async record(ctx: HubContext, input: RecordServiceActivityInput): Promise<ServiceActivity> {
    const organization = await this.organization(ctx, parseId("Organization", input.organizationId, "input.organizationId"));
    await authorizeRecorder(ctx, organization);
    // §9.2 "Service activities": W is the leader's (OL own, delegable to a deputy acting as ORG_LEADER); members read
    // their organization's records and request corrections of them (correctServiceActivity), they do not add records
    if (!actsFor(ctx.viewer, "ORG_LEADER", organization.id)) {
      throw new ForbiddenError(`Only ${organization.name}'s leader (ORG_LEADER of it, or a deputy acting as one) records its activities; members may request a correction of a record.`);
    }
    const draft = await draftActivity(ctx, organization.id, input);
    return writeTransaction(ctx.db, async (tx) => {
      await checkDailyMinutes(tx, draft, null);
      const recorded = await insertVersion(tx, draft, { recordedById: ctx.viewer.personId!, number: 1, supersedesId: null, correctionReason: null });
      await recomputeLeaderDependency(tx, [organization.id]);
      return recorded;
    });
  }

  /** §3.10 append-only corrections: a new UNVERIFIED version under the same rules; the old one is marked superseded. */
  async correct(ctx: HubContext, id: string, input: RecordServiceActivityInput, reason: string): Promise<ServiceActivity> {
    const original = await this.activity(ctx, id);
    const organization = await this.organization(ctx, original.organizationId);
    await authorizeRecorder(ctx, organization);
    if (parseId("Organization", input.organizationId, "input.organizationId") !== original.organizationId) {
      throw new BadInputError(`input.organizationId: a correction stays with ${organization.name} (${original.organizationId}); record the activity anew for another organization.`, { argument: "input.organizationId" });
    }
    this.assertCurrent(original);
    const why = reason.trim();
    if (!why || why.length > MAX_TEXT) throw new BadInputError(`reason: say in 1 to ${MAX_TEXT} characters what the correction fixes.`, { argument: "reason" });
    const draft = await draftActivity(ctx, organization.id, input);
    return writeTransaction(ctx.db, async (tx) => {
      await checkDailyMinutes(tx, draft, original.id);
      const next = await insertVersion(tx, draft, { recordedById: ctx.viewer.personId!, number: original.version + 1, supersedesId: original.id, correctionReason: why });
      const marked = await tx
        .getRepository(ServiceActivity)
        .createQueryBuilder()
        .update()
        .set({ supersededById: next.id })
        .where("id = :id AND supersededById IS NULL", { id: original.id })
        .execute();
      if (marked.affected !== 1) throw new ConflictError("Someone corrected this record meanwhile; reload it and correct the current version.", { id: original.id });
      await recomputeLeaderDependency(tx, [organization.id]);
      return next;
    });
  }

  /** ORG_CONFIRMED by the organization's leader; SUPERVISOR_VERIFIED or REJECTED by its supervisor. */
  async verify(ctx: HubContext, id: string, status: VerificationStatus, comment: string | null): Promise<ServiceActivity> {
    const activity = await this.activity(ctx, id);
    if (status !== VerificationStatus.UNVERIFIED) {
      const role = VERIFIER[status];
      if (!actsFor(ctx.viewer, role, activity.organizationId)) {
        throw new ForbiddenError(`Only a ${role} of the organization may set ${status}: its leader confirms records (ORG_CONFIRMED), its supervisor verifies or rejects them.`);
      }
    }
    const note = comment?.trim() || null;
    if (note && note.length > MAX_TEXT) throw new BadInputError(`comment: at most ${MAX_TEXT} characters.`, { argument: "comment" });
    this.assertCurrent(activity);
    raise(checkVerification(activity.verification, status, note));
    const organization = await this.organization(ctx, activity.organizationId);
    // a correction is judged by when its first version was recorded, so moving dates cannot make it timely
    raise(lateRecordNeedsSupervisor(isLateRecord(activity.endsAt, await this.firstRecordedAt(ctx, activity)), status, organization.name));
    return writeTransaction(ctx.db, async (tx) => {
      const changes = { verification: status, verifiedById: ctx.viewer.personId, verifiedAt: now(), verificationComment: note };
      const updated = await tx
        .getRepository(ServiceActivity)
        .createQueryBuilder()
        .update()
        .set(changes)
        .where("id = :id AND verification = :current AND supersededById IS NULL", { id: activity.id, current: activity.verification })
        .execute();
      if (updated.affected !== 1) throw new ConflictError("The record changed meanwhile; reload it and try again.", { id: activity.id });
      // a rejected record stops counting towards who leads the organization's activities
      if (status === VerificationStatus.REJECTED) await recomputeLeaderDependency(tx, [activity.organizationId]);
      return { ...activity, ...changes };
    });
  }

  /** When the first version of a record was entered (versions point back through supersedesId). */
  private async firstRecordedAt(ctx: HubContext, activity: ServiceActivity): Promise<Date> {
    let version = activity;
    while (version.supersedesId) version = await ctx.db.getRepository(ServiceActivity).findOneByOrFail({ id: version.supersedesId });
    return version.recordedAt;
  }

  private async activity(ctx: HubContext, rawId: string): Promise<ServiceActivity> {
    const id = parseId("ServiceActivity", rawId, "id");
    const activity = await ctx.db.getRepository(ServiceActivity).findOneBy({ id });
    if (!activity) throw new NotFoundError("ServiceActivity", id);
    return activity;
  }

  private async organization(ctx: HubContext, id: string): Promise<Organization> {
    const organization = await organizationById(ctx).load(id);
    if (!organization) throw new NotFoundError("Organization", id);
    return organization;
  }

  private assertCurrent(activity: ServiceActivity): void {
    if (activity.supersededById) {
      throw new ConflictError(`This version was corrected by ${activity.supersededById}; act on the current version.`, { id: activity.id, currentId: activity.supersededById });
    }
  }
}
