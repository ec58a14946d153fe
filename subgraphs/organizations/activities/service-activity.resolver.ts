import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { linesByActivity } from "./activity.loaders";
import { Area, areaByCode, Organization, organizationById, personById, PersonType } from "../directory";
import { ServiceActivity } from "./service-activity.entity";
import { VolunteerHourLine } from "./volunteer-hour-line.entity";
import { visibleLines } from "./activity.policy";
import { BookingStub, GrantStub } from "../external";

@Resolver(() => ServiceActivity)
export class ServiceActivityResolver {
  @FieldResolver(() => Organization)
  organization(@Root() activity: ServiceActivity, @Ctx() ctx: HubContext) {
    return organizationById(ctx).load(activity.organizationId);
  }

  @FieldResolver(() => Area)
  area(@Root() activity: ServiceActivity, @Ctx() ctx: HubContext) {
    return areaByCode(ctx).load(activity.areaCode);
  }

  @FieldResolver(() => BookingStub, { nullable: true })
  booking(@Root() activity: ServiceActivity): BookingStub | null {
    return activity.bookingId ? { id: activity.bookingId } : null;
  }

  @FieldResolver(() => GrantStub, { nullable: true })
  grant(@Root() activity: ServiceActivity): GrantStub | null {
    return activity.grantId ? { id: activity.grantId } : null;
  }

  @FieldResolver(() => PersonType, { nullable: true })
  leadOrganizer(@Root() activity: ServiceActivity, @Ctx() ctx: HubContext) {
    return activity.leadOrganizerId ? personById(ctx).load(activity.leadOrganizerId) : null;
  }

  @FieldResolver(() => [VolunteerHourLine], { description: "Per-person minutes: the organization's leader, its supervisor and staff in scope see all; a volunteer sees their own line." })
  async volunteerLines(@Root() activity: ServiceActivity, @Ctx() ctx: HubContext) {
    return visibleLines(ctx, activity, await linesByActivity(ctx).load(activity.id));
  }
}

@Resolver(() => VolunteerHourLine)
export class VolunteerHourLineResolver {
  @FieldResolver(() => PersonType)
  person(@Root() line: VolunteerHourLine, @Ctx() ctx: HubContext) {
    return personById(ctx).load(line.personId);
  }
}
