import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Call } from "../calls";
import { ApplicationStatus } from "./application.enums";
import { ApplicationService } from "./application.service";
import { ApplicationConnection } from "./application.type";

const applications = new ApplicationService();

/** The applications feature's field on Call. */
@Resolver(() => Call)
export class CallApplicationsResolver {
  @FieldResolver(() => ApplicationConnection, { description: "Applications to this call that the caller may see, optionally of some statuses." })
  applications(
    @Root() call: Call,
    @Ctx() ctx: HubContext,
    @Arg("status", () => [ApplicationStatus], { nullable: true }) status?: ApplicationStatus[],
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return applications.ofCall(ctx, call, status, { first, after });
  }
}
