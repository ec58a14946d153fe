import { writeTransaction } from "../../kit/transaction";
import { recomputeLeaderDependency } from "../leader-dependency";
import { IsNull } from "typeorm";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../platform/errors";
import { newId, parseId } from "../../kit/ids";
import { Problem, raise } from "../../kit/problem";
import { isProblem, MembershipPlan, planLeave, planRoleChange } from "./membership-change.rules";
import { actsFor, MemberRole, Membership, Organization } from "../directory";

/** A planner's plan; the problem it found instead is raised. */
function planned(result: MembershipPlan | Problem): MembershipPlan {
  if (isProblem(result)) raise(result);
  return result as MembershipPlan;
}

/** Role changes and leaving (DOMAIN §3.2): the held row is closed and a new one opened, so history is kept. */
export class MembershipChangeService {
  async changeRole(ctx: HubContext, rawId: unknown, role: MemberRole, effectiveOn?: string | null): Promise<Membership> {
    const { held, org } = await this.authorized(ctx, rawId, "change members' roles", false);
    const today = businessDate(now());
    const active = await ctx.db.getRepository(Membership).findBy({ organizationId: org.id, leftOn: IsNull() });
    const plan = planned(planRoleChange(held, role, effectiveOn ?? today, today, org.legalForm, active));
    const opened = await this.apply(ctx, org.id, plan);
    return opened.find((m) => m.personId === held.personId)!;
  }

  async leave(ctx: HubContext, rawId: unknown, leftOn?: string | null): Promise<Membership> {
    const { held, org } = await this.authorized(ctx, rawId, "end memberships", true);
    const today = businessDate(now());
    const plan = planned(planLeave(held, leftOn ?? today, today, org.legalForm));
    await this.apply(ctx, org.id, plan);
    return { ...held, leftOn: plan.close[0].on };
  }

  /**
   * §9.2 "Member roster": W is the organization's own leader's (OL own); street/community staff read the roster
   * but do not change it. For leaving, the member themself too (their own record).
   */
  private async authorized(ctx: HubContext, rawId: unknown, what: string, selfAllowed: boolean) {
    const id = parseId("Membership", rawId, "membershipId");
    const held = await ctx.db.getRepository(Membership).findOneBy({ id });
    if (!held) throw new NotFoundError("Membership", id);
    const org = await ctx.db.getRepository(Organization).findOneByOrFail({ id: held.organizationId });
    const self = selfAllowed && ctx.viewer.personId !== null && ctx.viewer.personId === held.personId;
    if (!self && !actsFor(ctx.viewer, "ORG_LEADER", org.id)) {
      throw new ForbiddenError(`Only ${org.name}'s leader (ORG_LEADER of it) may ${what}${selfAllowed ? ", besides the member themself" : ""}; staff read the roster but do not change it.`);
    }
    return { held, org };
  }

  /** Closes and opens rows in one transaction; a row closed meanwhile by someone else makes it a CONFLICT. */
  private apply(ctx: HubContext, organizationId: string, plan: MembershipPlan): Promise<Membership[]> {
    return writeTransaction(ctx.db, async (tx) => {
      const repository = tx.getRepository(Membership);
      for (const { id, on } of plan.close) {
        const closed = await repository.update({ id, leftOn: IsNull() }, { leftOn: on });
        if (closed.affected !== 1) throw new ConflictError("The membership changed meanwhile; reload it and try again.", { id });
      }
      const opened: Membership[] = plan.open.map(({ personId, role, from }) => ({ id: newId("Membership"), organizationId, personId, role, joinedOn: from, leftOn: null }));
      if (opened.length) await repository.insert(opened);
      await recomputeLeaderDependency(tx, [organizationId]);
      return opened;
    });
  }
}
