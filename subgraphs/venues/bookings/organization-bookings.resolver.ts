import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { DateRangeInput } from "../../kit/days";
import { OrganizationStub } from "../external";
import { Booking } from "./booking.entity";
import { BookingStatus } from "./booking.enums";
import { BookingService } from "./booking.service";

const bookings = new BookingService();

/** Fields venues contributes to Organization (owned by the organizations subgraph): its bookings. */
@Resolver(() => OrganizationStub)
export class OrganizationBookingsResolver {
  @FieldResolver(() => [Booking], { description: "Bookings starting within the business days of range (Asia/Shanghai, inclusive), optionally of some statuses." })
  bookings(
    @Root() organization: OrganizationStub,
    @Ctx() ctx: HubContext,
    @Arg("range", () => DateRangeInput, { nullable: true }) range?: DateRangeInput,
    @Arg("status", () => [BookingStatus], { nullable: true }) status?: BookingStatus[],
  ) {
    return bookings.forOrganization(ctx, organization.id, range, status);
  }
}
