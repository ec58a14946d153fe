import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Call } from "./call.entity";
import { CallService } from "./call.service";

const calls = new CallService();

@Resolver(() => Call)
export class CallResolver {
  @Query(() => Call, { nullable: true, description: "One call; null when no call has this id." })
  call(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return calls.find(ctx, id);
  }
}
