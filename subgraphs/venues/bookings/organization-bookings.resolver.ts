import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Booking } from "./booking.entity";
import { Tenancy } from "../tenancies/tenancy.entity";
import { BookingService } from "./booking.service";
import { TenancyService } from "../tenancies/tenancy.service";
import { DateRangeInput } from "../facilities/date-range.input";
import { BookingStatus } from "../facilities/facility.enums";
import { OrganizationStub } from "../external/organization.stub";

const bookings = new BookingService();
const tenancies = new TenancyService();

/** Fields venues contributes to Organization (owned by the organizations subgraph). */
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

  @FieldResolver(() => Tenancy, { nullable: true, description: "The organization's incubation tenancy (孵化入驻): the active one, else an application, else the latest." })
  incubationTenancy(@Root() organization: OrganizationStub, @Ctx() ctx: HubContext) {
    return tenancies.current(ctx, organization.id);
  }
}
