import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Facility, FacilityType } from "../facilities";
import { DirectoryService } from "./directory.service";
import { FacilityConnection } from "./facility-connection.type";

const directory = new DirectoryService();

/** The venue directory's root fields: one facility, or a page of them. */
@Resolver(() => Facility)
export class DirectoryResolver {
  @Query(() => Facility, { nullable: true, description: "One facility; null when no facility has this id." })
  facility(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return directory.find(ctx, id);
  }

  @Query(() => FacilityConnection, { description: "The venue directory, optionally within an area's subtree and of some types (at most 100 a page)." })
  facilities(
    @Ctx() ctx: HubContext,
    @Arg("areaCode", () => ID, { nullable: true }) areaCode?: string,
    @Arg("types", () => [FacilityType], { nullable: true }) types?: FacilityType[],
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return directory.list(ctx, { areaCode, types }, { first, after });
  }
}
