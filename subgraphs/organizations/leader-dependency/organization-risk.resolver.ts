import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Organization } from "../directory";
import { LeaderDependencySignalRow } from "./leader-dependency-signal.entity";
import { leaderDependencyAccess } from "./leader-dependency.policy";
import { LeaderDependencySignal } from "./leader-dependency.type";

@Resolver(() => Organization)
export class OrganizationRiskResolver {
  @FieldResolver(() => LeaderDependencySignal, { nullable: true, description: "Null for callers who may not see it (partners, members, anonymous)." })
  async leaderDependency(@Root() org: Organization, @Ctx() ctx: HubContext): Promise<LeaderDependencySignal | null> {
    const access = await leaderDependencyAccess(ctx, org);
    if (access === "none") return null;
    const signal = await rowLoader(ctx, LeaderDependencySignalRow, "organizationId").load(org.id);
    if (!signal) return null;
    return { level: signal.level, score: signal.score, factors: access === "full" ? signal.factors : [], computedAt: signal.computedAt };
  }
}
