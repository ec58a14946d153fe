import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { DateRangeInput } from "../../kit/days";
import { AreaStub } from "../external";
import { StatsService } from "./booking-stats.service";
import { BookingStats } from "./booking-stats.type";

const stats = new StatsService();

/** Fields venues contributes to Area (owned by the organizations subgraph): its venues' use. */
@Resolver(() => AreaStub)
export class AreaStatsResolver {
  @FieldResolver(() => BookingStats, { description: "Venue use in this area's subtree over period (at most 366 days): bookings, minutes, utilization, no-shows." })
  bookingStats(@Root() area: AreaStub, @Ctx() ctx: HubContext, @Arg("period", () => DateRangeInput) period: DateRangeInput) {
    return stats.forArea(ctx, area.code, period);
  }
}
