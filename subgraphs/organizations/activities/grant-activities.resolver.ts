import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { ServiceActivityReads } from "./activity-read.service";
import { GrantStub } from "../external";
import { ServiceActivityConnection } from "./service-activity-connection.type";
import { ServiceStats } from "./service-stats.type";

const reads = new ServiceActivityReads();

/** Fields organizations contributes to funding's Grant: activity rows carry the grant id (DOMAIN §7). */
@Resolver(() => GrantStub)
export class GrantActivitiesResolver {
  @FieldResolver(() => ServiceActivityConnection, { description: "Current activity records linked to this grant that the caller may read." })
  activities(
    @Root() grant: GrantStub,
    @Ctx() ctx: HubContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return reads.forGrant(ctx, grant.id, { first, after });
  }

  @FieldResolver(() => ServiceStats, { description: "Grant outputs: current records the organization confirmed or its supervisor verified (§3.10)." })
  activitySummary(@Root() grant: GrantStub, @Ctx() ctx: HubContext) {
    return reads.summaryForGrant(ctx, grant.id);
  }
}
