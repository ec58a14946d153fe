import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { BookingStub } from "../external";
import { CourseSession } from "./course-session.entity";
import { sessionByBooking } from "./course-session.loaders";

@Resolver(() => BookingStub)
export class BookingCourseSessionResolver {
  @FieldResolver(() => CourseSession, { nullable: true, description: "The course session this venue booking is for (academy)." })
  courseSession(@Root() booking: BookingStub, @Ctx() ctx: HubContext) {
    return sessionByBooking(ctx).load(booking.id);
  }
}
