import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Call } from "./call.entity";
import { FundingProgram } from "../programs/funding-program.entity";
import { programById } from "../applications/application.loaders";
import { CallService } from "./call.service";
import { ApplicationConnection } from "../programs/funding-program.type";
import { ApplicationStatus } from "../applications/application.enums";

const calls = new CallService();

@Resolver(() => Call)
export class CallResolver {
  @Query(() => Call, { nullable: true, description: "One call; null when no call has this id." })
  call(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return calls.find(ctx, id);
  }

  @FieldResolver(() => FundingProgram)
  program(@Root() call: Call, @Ctx() ctx: HubContext) {
    return programById(ctx).load(call.programId);
  }

  @FieldResolver(() => ApplicationConnection, { description: "Applications to this call, optionally of some statuses." })
  applications(
    @Root() call: Call,
    @Ctx() ctx: HubContext,
    @Arg("status", () => [ApplicationStatus], { nullable: true }) status?: ApplicationStatus[],
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return calls.applications(ctx, call, status, { first, after });
  }
}
