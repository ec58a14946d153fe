import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { AreaStub } from "../external";
import { Facility } from "./facility.entity";
import { FacilityType } from "./facility.enums";
import { FacilityService } from "./facility.service";

const facilities = new FacilityService();

/** Fields venues contributes to Area (owned by the organizations subgraph): its facilities. */
@Resolver(() => AreaStub)
export class AreaFacilitiesResolver {
  @FieldResolver(() => [Facility], { description: "Facilities in this area and every area under it, optionally of some types." })
  facilities(@Root() area: AreaStub, @Ctx() ctx: HubContext, @Arg("types", () => [FacilityType], { nullable: true }) types?: FacilityType[]) {
    return facilities.inArea(ctx, area.code, types);
  }
}
