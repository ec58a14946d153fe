import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { CourseOffering } from "./course-offering.entity";
import { OfferingService } from "./course-offering.service";
import { CourseOfferingConnection } from "./course-offering.type";
import { Course } from "./course.entity";
import { OfferingStatus } from "./course.enums";

const offerings = new OfferingService();

@Resolver(() => CourseOffering)
export class CourseOfferingResolver {
  @Query(() => CourseOffering, { nullable: true, description: "One offering; null when no offering has this id." })
  courseOffering(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return offerings.find(ctx, id);
  }

  @Query(() => CourseOfferingConnection, { description: "Offerings, optionally of one academy and some statuses, paged (at most 100 a page)." })
  offerings(
    @Ctx() ctx: HubContext,
    @Arg("academyId", () => ID, { nullable: true }) academyId?: string,
    @Arg("status", () => [OfferingStatus], { nullable: true }) status?: OfferingStatus[],
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return offerings.list(ctx, { academyId, status }, { first, after });
  }

  @FieldResolver(() => Course)
  course(@Root() offering: CourseOffering, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Course).load(offering.courseId);
  }
}
