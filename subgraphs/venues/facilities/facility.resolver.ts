import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { DateRangeInput } from "../../kit/days";
import { AreaStub, OrganizationStub } from "../external";
import { BookingPolicy } from "./booking-policy.entity";
import { CalendarException } from "./calendar-exception.entity";
import { Equipment } from "./equipment.entity";
import { Facility } from "./facility.entity";
import { equipmentByFacility, openingRulesByFacility, roomsByFacility } from "./facility.loaders";
import { FacilityService } from "./facility.service";
import { OpeningRule } from "./opening-rule.entity";
import { Room } from "./room.entity";

const facilities = new FacilityService();

@Resolver(() => Facility)
export class FacilityResolver {
  @FieldResolver(() => AreaStub)
  area(@Root() facility: Facility): AreaStub {
    return { code: facility.areaCode };
  }

  @FieldResolver(() => OrganizationStub, { nullable: true, description: "The operator when it is a hub organization; null for e.g. a residents' committee." })
  operator(@Root() facility: Facility): OrganizationStub | null {
    return facility.operatorOrgId ? { id: facility.operatorOrgId } : null;
  }

  @FieldResolver(() => [Room])
  rooms(@Root() facility: Facility, @Ctx() ctx: HubContext) {
    return roomsByFacility(ctx).load(facility.id);
  }

  @FieldResolver(() => [OpeningRule], { description: "Weekly opening hours; a gap between two rules of a day is a closure (lunch)." })
  openingHours(@Root() facility: Facility, @Ctx() ctx: HubContext) {
    return openingRulesByFacility(ctx).load(facility.id);
  }

  @FieldResolver(() => [CalendarException], { description: "Holidays, makeup workdays (调休), closures and special hours within range (at most 366 days)." })
  exceptions(@Root() facility: Facility, @Ctx() ctx: HubContext, @Arg("range", () => DateRangeInput) range: DateRangeInput) {
    return facilities.exceptions(ctx, facility.id, range);
  }

  @FieldResolver(() => [Equipment])
  equipment(@Root() facility: Facility, @Ctx() ctx: HubContext) {
    return equipmentByFacility(ctx).load(facility.id);
  }

  @FieldResolver(() => BookingPolicy)
  policy(@Root() facility: Facility, @Ctx() ctx: HubContext) {
    return facilities.policy(ctx, facility.id);
  }
}
