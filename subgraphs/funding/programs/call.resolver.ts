import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Call } from "../calls";
import { FundingProgram } from "./funding-program.entity";
import { programById } from "./program.loaders";

/** The programs feature's field on Call. */
@Resolver(() => Call)
export class CallProgramResolver {
  @FieldResolver(() => FundingProgram)
  program(@Root() call: Call, @Ctx() ctx: HubContext) {
    return programById(ctx).load(call.programId);
  }
}
