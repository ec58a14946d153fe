import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { HubContext } from "../../kit/context";
import { ServiceActivity, VerificationStatus } from "../activities";
import { ServiceActivityService } from "./activity.service";
import { RecordServiceActivityInput } from "./service-activity.input";

const activities = new ServiceActivityService();

@Resolver()
export class ActivityRecordingResolver {
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
}
