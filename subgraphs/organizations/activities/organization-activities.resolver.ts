import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { DateRangeInput } from "../../kit/days";
import { Organization } from "../directory";
import { ServiceActivityReads } from "./activity-read.service";
import { ServiceActivityConnection } from "./service-activity-connection.type";
import { ServiceStats } from "./service-stats.type";

const reads = new ServiceActivityReads();

/** Service records and totals of an organization (§3.10). */
@Resolver(() => Organization)
export class OrganizationActivitiesResolver {
  @FieldResolver(() => ServiceActivityConnection, { description: "Current activity records, optionally on the business days of period; empty for callers who may see only totals." })
  activities(
    @Root() organization: Organization,
    @Ctx() ctx: HubContext,
    @Arg("period", () => DateRangeInput, { nullable: true }) period?: DateRangeInput,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return reads.forOrganization(ctx, organization, period, { first, after });
  }

  @FieldResolver(() => ServiceStats, { description: "Totals of current, not rejected records on the business days of period (public)." })
  serviceStats(@Root() organization: Organization, @Ctx() ctx: HubContext, @Arg("period", () => DateRangeInput) period: DateRangeInput) {
    return reads.statsForOrganization(ctx, organization, period);
  }
}
