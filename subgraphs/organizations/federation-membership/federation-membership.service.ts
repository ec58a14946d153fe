import { writeTransaction } from "../../kit/transaction";
import { In, Not } from "typeorm";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../platform/errors";
import { newId, parseId } from "../../kit/ids";
import { raise } from "../../kit/problem";
import { decisionProblem, eligibilityProblem, FederationFacts, inAreaSubtree } from "./federation-membership.rules";
import { actsFor, Area, isStaffFor, Organization } from "../directory";
import { FederationMembership } from "./federation-membership.entity";
import { FederationMembershipStatus } from "./federation-membership.enums";
import { emitEligibilityChanged } from "./eligibility.events";

/** Applications to and decisions on federation membership (DOMAIN §3.7). */
export class FederationMembershipService {
  async apply(ctx: HubContext, rawFederationId: unknown, rawOrganizationId: unknown): Promise<FederationMembership> {
    const federationId = parseId("Organization", rawFederationId, "federationId");
    const organizationId = parseId("Organization", rawOrganizationId, "organizationId");
    if (!actsFor(ctx.viewer, "ORG_LEADER", organizationId)) {
      throw new ForbiddenError("Only the applying organization's own leader (ORG_LEADER of it) may apply for federation membership.");
    }
    const { federation, member, facts } = await this.load(ctx, federationId, organizationId);
    raise(eligibilityProblem(facts));
    return writeTransaction(ctx.db, async (tx) => {
      const open = await tx.getRepository(FederationMembership).findOneBy({ federationId, memberId: organizationId, status: Not(FederationMembershipStatus.LEFT) });
      if (open) {
        throw new ConflictError(`${member.name} already has a ${open.status} membership in ${federation.name} (${open.id}).`, { id: open.id, state: open.status });
      }
      const row: FederationMembership = {
        id: newId("FederationMembership"),
        federationId,
        memberId: organizationId,
        status: FederationMembershipStatus.APPLIED,
        appliedAt: now(),
        joinedOn: null,
        decidedAt: null,
        decidedByPersonId: null,
      };
      await tx.getRepository(FederationMembership).insert(row);
      return row;
    });
  }

  async decide(ctx: HubContext, rawId: unknown, status: FederationMembershipStatus): Promise<FederationMembership> {
    const id = parseId("FederationMembership", rawId, "id");
    const row = await ctx.db.getRepository(FederationMembership).findOneBy({ id });
    if (!row) throw new NotFoundError("FederationMembership", id);
    const { federation, federationArea, facts } = await this.load(ctx, row.federationId, row.memberId);
    const federationAdmin = ctx.viewer.has("FEDERATION_ADMIN") && ctx.viewer.orgIds.includes(federation.id);
    if (!federationAdmin && !isStaffFor(ctx.viewer, federationArea, ["STREET_STAFF"])) {
      throw new ForbiddenError(
        `Membership of ${federation.name} is decided by its federation admins (FEDERATION_ADMIN with it among their orgIds) or street staff covering its area.`,
      );
    }
    raise(decisionProblem(row.status, status, facts));
    const at = now();
    const changes: Partial<FederationMembership> = { status, decidedAt: at, decidedByPersonId: ctx.viewer.personId };
    if (status === FederationMembershipStatus.ACTIVE && !row.joinedOn) changes.joinedOn = businessDate(at);
    return writeTransaction(ctx.db, async (tx) => {
      const updated = await tx.getRepository(FederationMembership).update({ id, status: row.status }, changes);
      if (updated.affected !== 1) throw new ConflictError("The membership changed meanwhile; reload it and decide again.", { state: row.status });
      await emitEligibilityChanged(tx, [row.memberId], ctx.requestId);
      return { ...row, ...changes };
    });
  }

  private async load(ctx: HubContext, federationId: string, memberId: string) {
    const orgs = await ctx.db.getRepository(Organization).findBy({ id: In([federationId, memberId]) });
    const federation = orgs.find((o) => o.id === federationId);
    if (!federation) throw new NotFoundError("Organization", federationId);
    const member = orgs.find((o) => o.id === memberId);
    if (!member) throw new NotFoundError("Organization", memberId);
    const areas = await ctx.db.getRepository(Area).findBy({ code: In([federation.homeAreaCode, member.homeAreaCode]) });
    const federationArea = areas.find((a) => a.code === federation.homeAreaCode)!;
    const memberArea = areas.find((a) => a.code === member.homeAreaCode)!;
    const facts: FederationFacts = {
      federationHubType: federation.hubType,
      federationStatus: federation.status,
      federationName: federation.name,
      memberIsFederation: federation.id === member.id,
      memberInFederationArea: inAreaSubtree(memberArea.path, federationArea.path),
    };
    return { federation, member, federationArea, facts };
  }
}
