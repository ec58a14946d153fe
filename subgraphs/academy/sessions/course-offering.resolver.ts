import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { CourseOffering } from "../courses";
import { CourseSession } from "./course-session.entity";
import { sessionsByOffering } from "./course-session.loaders";

/** The sessions feature's field on CourseOffering. */
@Resolver(() => CourseOffering)
export class CourseOfferingSessionsResolver {
  @FieldResolver(() => [CourseSession], { description: "Sessions in teaching order (seq)." })
  sessions(@Root() offering: CourseOffering, @Ctx() ctx: HubContext) {
    return sessionsByOffering(ctx).load(offering.id);
  }
}
