import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Facility } from "./facility.entity";
import { FacilityService } from "./facility.service";
import { StatsService } from "../stats/booking-stats.service";
import { AreaStub } from "../external/area.stub";
import { BookingStats } from "../availability/availability.type";
import { DateRangeInput } from "./date-range.input";
import { FacilityType } from "./facility.enums";

const facilities = new FacilityService();
const stats = new StatsService();

/** Fields venues contributes to Area (owned by the organizations subgraph). */
@Resolver(() => AreaStub)
export class AreaFacilitiesResolver {
  @FieldResolver(() => [Facility], { description: "Facilities in this area and every area under it, optionally of some types." })
  facilities(@Root() area: AreaStub, @Ctx() ctx: HubContext, @Arg("types", () => [FacilityType], { nullable: true }) types?: FacilityType[]) {
    return facilities.inArea(ctx, area.code, types);
  }

  @FieldResolver(() => BookingStats, { description: "Venue use in this area's subtree over period (at most 366 days): bookings, minutes, utilization, no-shows." })
  bookingStats(@Root() area: AreaStub, @Ctx() ctx: HubContext, @Arg("period", () => DateRangeInput) period: DateRangeInput) {
    return stats.forArea(ctx, area.code, period);
  }
}
