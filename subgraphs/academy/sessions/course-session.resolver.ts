import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { CourseOffering } from "../courses";
import { BookingStub } from "../external";
import { CourseSession } from "./course-session.entity";

@Resolver(() => CourseSession)
export class CourseSessionResolver {
  @FieldResolver(() => CourseOffering)
  offering(@Root() session: CourseSession, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, CourseOffering).load(session.offeringId);
  }

  @FieldResolver(() => BookingStub, { nullable: true, description: "The venue booking (room, facility) of an onsite or hybrid session." })
  booking(@Root() session: CourseSession): BookingStub | null {
    return session.bookingId ? { id: session.bookingId } : null;
  }
}
