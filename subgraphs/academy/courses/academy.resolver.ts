import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Academy } from "../academies";
import { Course } from "./course.entity";
import { CourseStatus } from "./course.enums";
import { coursesByAcademy } from "./course.loaders";

/** The courses feature's field on Academy. */
@Resolver(() => Academy)
export class AcademyCoursesResolver {
  @FieldResolver(() => [Course])
  courses(@Root() academy: Academy, @Ctx() ctx: HubContext, @Arg("status", () => [CourseStatus], { nullable: true }) status?: CourseStatus[]) {
    return coursesByAcademy(ctx, status).load(academy.id);
  }
}
