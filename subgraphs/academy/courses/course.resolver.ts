import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Academy } from "../academies/academy.entity";
import { CourseOffering } from "./course-offering.entity";
import { Course } from "./course.entity";
import { academyById, offeringsByCourse } from "./course.loaders";
import { OfferingStatus } from "./course.enums";

@Resolver(() => Course)
export class CourseResolver {
  @FieldResolver(() => Academy)
  academy(@Root() course: Course, @Ctx() ctx: HubContext) {
    return academyById(ctx).load(course.academyId);
  }

  @FieldResolver(() => [CourseOffering])
  offerings(@Root() course: Course, @Ctx() ctx: HubContext, @Arg("status", () => [OfferingStatus], { nullable: true }) status?: OfferingStatus[]) {
    return offeringsByCourse(ctx, status).load(course.id);
  }
}
