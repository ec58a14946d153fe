import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Grant } from "../grants";
import { FundingProgram } from "./funding-program.entity";

/** The programs feature's field on Grant. */
@Resolver(() => Grant)
export class GrantProgramResolver {
  @FieldResolver(() => FundingProgram)
  program(@Root() grant: Grant, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, FundingProgram).load(grant.programId);
  }
}
