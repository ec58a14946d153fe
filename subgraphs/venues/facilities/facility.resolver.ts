import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { DateRangeInput } from "../../kit/days";
import { AreaStub, OrganizationStub } from "../external";
import { BookingPolicy } from "./booking-policy.entity";
import { CalendarException } from "./calendar-exception.entity";
import { Equipment } from "./equipment.entity";
import { FacilityConnection } from "./facility-connection.type";
import { Facility } from "./facility.entity";
import { FacilityType } from "./facility.enums";
import { equipmentByFacility, openingRulesByFacility, roomsByFacility } from "./facility.loaders";
import { FacilityService } from "./facility.service";
import { OpeningRule } from "./opening-rule.entity";
import { Room } from "./room.entity";

const facilities = new FacilityService();

@Resolver(() => Facility)
export class FacilityResolver {
  @Query(() => Facility, { nullable: true, description: "One facility; null when no facility has this id." })
  facility(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return facilities.find(ctx, id);
  }

  @Query(() => FacilityConnection, { description: "The venue directory, optionally within an area's subtree and of some types (at most 100 a page)." })
  facilities(
    @Ctx() ctx: HubContext,
    @Arg("areaCode", () => ID, { nullable: true }) areaCode?: string,
    @Arg("types", () => [FacilityType], { nullable: true }) types?: FacilityType[],
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return facilities.list(ctx, { areaCode, types }, { first, after });
  }

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
