import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Call } from "../calls";
import { FundingProgram } from "./funding-program.entity";

/** The programs feature's field on Call. */
@Resolver(() => Call)
export class CallProgramResolver {
  @FieldResolver(() => FundingProgram)
  program(@Root() call: Call, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, FundingProgram).load(call.programId);
  }
}
