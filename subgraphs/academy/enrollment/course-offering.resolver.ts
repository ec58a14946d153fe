import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { CourseOffering } from "../courses";
import { seatCountsByOffering } from "./enrollment.loaders";

/** The enrollment feature's fields on CourseOffering: its seat counts (DOMAIN §8.4). */
@Resolver(() => CourseOffering)
export class CourseOfferingSeatsResolver {
  @FieldResolver(() => Int, { description: "Seats taken: ENROLLED, COMPLETED and INCOMPLETE enrollments." })
  async enrolledCount(@Root() offering: CourseOffering, @Ctx() ctx: HubContext) {
    return (await seatCountsByOffering(ctx).load(offering.id)).enrolled;
  }

  @FieldResolver(() => Int, { description: "WAITLISTED enrollments." })
  async waitlistCount(@Root() offering: CourseOffering, @Ctx() ctx: HubContext) {
    return (await seatCountsByOffering(ctx).load(offering.id)).waitlisted;
  }
}
