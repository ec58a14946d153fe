import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Academy } from "../academies";
import { CourseOffering } from "./course-offering.entity";
import { Course } from "./course.entity";
import { OfferingStatus } from "./course.enums";
import { offeringsByCourse } from "./course.loaders";

@Resolver(() => Course)
export class CourseResolver {
  @FieldResolver(() => Academy)
  academy(@Root() course: Course, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Academy).load(course.academyId);
  }

  @FieldResolver(() => [CourseOffering])
  offerings(@Root() course: Course, @Ctx() ctx: HubContext, @Arg("status", () => [OfferingStatus], { nullable: true }) status?: OfferingStatus[]) {
    return offeringsByCourse(ctx, status).load(course.id);
  }
}
