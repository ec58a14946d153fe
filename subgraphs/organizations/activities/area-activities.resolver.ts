import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { DateRangeInput } from "../../kit/days";
import { Area } from "../directory";
import { ServiceActivityReads } from "./activity-read.service";
import { ServiceStats } from "./service-stats.type";

const reads = new ServiceActivityReads();

@Resolver(() => Area)
export class AreaActivitiesResolver {
  @FieldResolver(() => ServiceStats, { description: "Totals of every organization whose home area lies in this subtree, on the business days of period." })
  serviceStats(@Root() area: Area, @Ctx() ctx: HubContext, @Arg("period", () => DateRangeInput) period: DateRangeInput) {
    return reads.statsForArea(ctx, area, period);
  }
}
