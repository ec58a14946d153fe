import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { linesByActivity } from "./activity.loaders";
import { Area, areaByCode, Organization, organizationById, personById, PersonType } from "../directory";
import { ServiceActivity } from "./service-activity.entity";
import { VolunteerHourLine } from "./volunteer-hour-line.entity";
import { visibleLines } from "./activity.policy";
import { ServiceActivityService } from "./activity.service";
import { VerificationStatus } from "./activity.enums";
import { BookingStub, GrantStub } from "../external";
import { RecordServiceActivityInput } from "./service-activity.input";

const activities = new ServiceActivityService();

@Resolver(() => ServiceActivity)
export class ServiceActivityResolver {
  @Mutation(() => ServiceActivity, { description: "M9: records an activity with its volunteer hours (谁组织谁记录); it starts UNVERIFIED." })
  recordServiceActivity(@Arg("input", () => RecordServiceActivityInput) input: RecordServiceActivityInput, @Ctx() ctx: HubContext) {
    return activities.record(ctx, input);
  }

  @Mutation(() => ServiceActivity, { description: "Corrects a record: a new UNVERIFIED version under the same rules; the old version is kept." })
  correctServiceActivity(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => RecordServiceActivityInput) input: RecordServiceActivityInput,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: HubContext,
  ) {
    return activities.correct(ctx, id, input, reason);
  }

  @Mutation(() => ServiceActivity, { description: "ORG_CONFIRMED by the organization's leader; SUPERVISOR_VERIFIED or REJECTED (with a comment) by its supervisor." })
  verifyServiceActivity(
    @Arg("id", () => ID) id: string,
    @Arg("status", () => VerificationStatus) status: VerificationStatus,
    @Ctx() ctx: HubContext,
    @Arg("comment", () => String, { nullable: true }) comment?: string,
  ) {
    return activities.verify(ctx, id, status, comment ?? null);
  }

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
