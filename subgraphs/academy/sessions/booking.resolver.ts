import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { BookingStub } from "../external";
import { CourseSession } from "./course-session.entity";

@Resolver(() => BookingStub)
export class BookingCourseSessionResolver {
  @FieldResolver(() => CourseSession, { nullable: true, description: "The course session this venue booking is for (academy)." })
  courseSession(@Root() booking: BookingStub, @Ctx() ctx: HubContext) {
    // one query for every booking on the venue day board (Q15)
    return rowLoader(ctx, CourseSession, "bookingId").load(booking.id);
  }
}
