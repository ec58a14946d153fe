import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Grant } from "../grants";
import { FundingProgram } from "./funding-program.entity";
import { programById } from "./program.loaders";

/** The programs feature's field on Grant. */
@Resolver(() => Grant)
export class GrantProgramResolver {
  @FieldResolver(() => FundingProgram)
  program(@Root() grant: Grant, @Ctx() ctx: HubContext) {
    return programById(ctx).load(grant.programId);
  }
}
