import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Call, callsByProgram } from "../calls";
import { Funder } from "../funders";
import { FundingProgram } from "./funding-program.entity";
import { FundingProgramConnection } from "./funding-program.type";
import { ProgramType } from "./program.enums";
import { ProgramService } from "./program.service";

const programs = new ProgramService();

@Resolver(() => FundingProgram)
export class ProgramResolver {
  @Query(() => FundingProgramConnection, { description: "Funding programmes, optionally of one funder or some types, paged (at most 100 a page)." })
  programs(
    @Ctx() ctx: HubContext,
    @Arg("funderId", () => ID, { nullable: true }) funderId?: string,
    @Arg("types", () => [ProgramType], { nullable: true }) types?: ProgramType[],
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return programs.list(ctx, { funderId, types }, { first, after });
  }

  @FieldResolver(() => Funder)
  funder(@Root() program: FundingProgram, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Funder).load(program.funderId);
  }

  @FieldResolver(() => [Call], { description: "The programme's calls, oldest first." })
  calls(@Root() program: FundingProgram, @Ctx() ctx: HubContext) {
    return callsByProgram(ctx).load(program.id);
  }
}
