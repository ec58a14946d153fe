import { writeTransaction } from "../../kit/transaction";
import { EntityManager, IsNull, Like } from "typeorm";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from "../../../platform/errors";
import { newId, parseId } from "../../kit/ids";
import {
  actingRole,
  allowedFilingActions,
  describeFilingActor,
  filingCommentRequired,
  isStaffAction,
  nextFilingState,
  organizationStatusAfter,
  submitProblems,
} from "./filing.machine";
import { filingNoPrefix, nextFilingNo } from "./filing-number.rules";
import { Area, LegalForm, MemberRole, Membership, Organization } from "../directory";
import { emitDeregistered, emitEligibilityChanged } from "../federation-membership";
import { FilingEvent } from "./filing-event.entity";
import { FilingRecord } from "./filing-record.entity";
import { FilingAction, FilingStatus } from "./filing.enums";
import { filingActorFacts } from "./filing.policy";

const MAX_COMMENT = 500;

/** transitionFiling: the §8.1 machine with its actors and guards, written with its event in one transaction. */
export class FilingService {
  async transition(ctx: HubContext, rawFilingId: unknown, action: FilingAction, rawComment?: string | null): Promise<FilingRecord> {
    const filingId = parseId("FilingRecord", rawFilingId, "filingId");
    const filing = await ctx.db.getRepository(FilingRecord).findOneBy({ id: filingId });
    if (!filing) throw new NotFoundError("FilingRecord", filingId);
    const org = await ctx.db.getRepository(Organization).findOneByOrFail({ id: filing.organizationId });
    const homeArea = await ctx.db.getRepository(Area).findOneByOrFail({ code: org.homeAreaCode });

    const role = actingRole(action, filingActorFacts(ctx.viewer, org.id, homeArea));
    if (!role) throw new ForbiddenError(`${action} on a filing may be taken only by ${describeFilingActor(action)}.`);
    // §9.2 separation of duty: staff do not decide on filings of organizations they belong to. Without a person the
    // check cannot run (and the event would name nobody), so a staff action needs one, whatever the gateway lets by.
    if (isStaffAction(action) && !ctx.viewer.personId) {
      throw new ForbiddenError(`${action} on a filing is a staff decision recorded under the staffer's name; sign in as a person (a token with sub).`);
    }
    if (isStaffAction(action) && (await this.viewerIsMember(ctx, org.id))) {
      throw new ForbiddenError(`You are a member of ${org.name}; another staff member must take ${action} on its filing.`);
    }

    const to = nextFilingState(filing.status, action);
    if (!to) {
      const allowed = allowedFilingActions(filing.status);
      throw new ConflictError(
        `The filing is ${filing.status}; ${action} is not possible from there. Allowed from ${filing.status}: ${allowed.join(", ") || "nothing, it is final"}.`,
        { state: filing.status, allowed },
      );
    }
    const comment = rawComment?.trim() || null;
    if (comment && comment.length > MAX_COMMENT) throw new BadInputError(`comment: keep it to ${MAX_COMMENT} characters.`, { argument: "comment" });
    if (filingCommentRequired(action) && !comment) {
      throw new BadInputError(`comment: ${action} needs a comment that tells the organization why.`, { argument: "comment" });
    }

    const at = now();
    const changes: Partial<FilingRecord> = { status: to };
    if (action === FilingAction.SUBMIT) {
      changes.submittedAt = at;
      changes.declaredMemberCount = await this.checkSubmittable(ctx, filing, org, homeArea);
    }
    return writeTransaction(ctx.db, async (tx) => {
      if (action === FilingAction.APPROVE && !filing.filingNo) {
        changes.filingNo = await this.nextNumber(tx, filing.authorityAreaCode, at);
        changes.filedOn = businessDate(at);
      }
      // compare-and-set: a concurrent transition of the same filing makes this one a CONFLICT, not a double step
      const updated = await tx
        .createQueryBuilder()
        .update(FilingRecord)
        .set(changes)
        .where("id = :id AND status = :from", { id: filing.id, from: filing.status })
        .execute();
      if (updated.affected !== 1) throw new ConflictError("The filing changed meanwhile; reload it and try again.", { state: filing.status });
      await tx.getRepository(FilingEvent).insert({
        id: newId("FilingEvent"),
        filingId: filing.id,
        at,
        from: filing.status,
        to,
        actorPersonId: ctx.viewer.personId,
        actorRole: role,
        comment,
      });
      const orgStatus = organizationStatusAfter(filing.status, to);
      if (orgStatus && orgStatus !== org.status) await tx.getRepository(Organization).update({ id: org.id }, { status: orgStatus });
      // an informal team becomes a filed organization (备案) when its first filing is approved (§1.2)
      const becomesFiled = to === FilingStatus.FILED && org.legalForm === LegalForm.INFORMAL;
      if (becomesFiled) await tx.getRepository(Organization).update({ id: org.id }, { legalForm: LegalForm.FILED });
      // issue 11: venues' C7 snapshot follows the organization; deregistration also cancels its future bookings
      if (orgStatus || becomesFiled) await emitEligibilityChanged(tx, [org.id], ctx.requestId);
      if (to === FilingStatus.DEREGISTERED) await emitDeregistered(tx, org.id, businessDate(at), ctx.requestId);
      return { ...filing, ...changes };
    });
  }

  private async viewerIsMember(ctx: HubContext, organizationId: string): Promise<boolean> {
    if (!ctx.viewer.personId) return false;
    return ctx.db.getRepository(Membership).exists({ where: { organizationId, personId: ctx.viewer.personId, leftOn: IsNull() } });
  }

  /** §8.1 SUBMIT guards; returns the member count the filing declares. */
  private async checkSubmittable(ctx: HubContext, filing: FilingRecord, org: Organization, homeArea: Area): Promise<number> {
    const members = await ctx.db.getRepository(Membership).findBy({ organizationId: org.id, leftOn: IsNull() });
    const problems = submitProblems({
      name: org.name,
      charterDocumentUrl: filing.charterDocumentUrl,
      hasActiveLeader: members.some((m) => m.role === MemberRole.LEADER),
      venueDeclared: filing.venueDeclared,
      activeMemberCount: members.length,
      orgForm: org.orgForm,
      homeAreaInAuthority: homeArea.path.split("/").includes(filing.authorityAreaCode),
    });
    if (problems.length) {
      // extensions.problems lists each unmet requirement as { code, message }, as clients have always read it
      throw new ConflictError(`The filing cannot be submitted yet: ${problems.map((p) => p.message).join(" ")}`, {
        state: filing.status,
        problems: problems.map((p) => ({ code: p.facts?.requirement, message: p.message })),
      });
    }
    return members.length;
  }

  /** The authority's next number this business year; the unique index (authority, filingNo) backs it up. */
  private async nextNumber(tx: EntityManager, authorityAreaCode: string, at: Date): Promise<string> {
    const year = Number(businessDate(at).slice(0, 4));
    const issued = await tx.getRepository(FilingRecord).find({
      select: { id: true, filingNo: true },
      where: { authorityAreaCode, filingNo: Like(`${filingNoPrefix(authorityAreaCode)}-BA-${year}-%`) },
    });
    return nextFilingNo(authorityAreaCode, year, issued.map((f) => f.filingNo));
  }
}
