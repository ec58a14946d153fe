import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { FilingEvent } from "./filing-event.entity";
import { personById, PersonType } from "../directory";

@Resolver(() => FilingEvent)
export class FilingEventResolver {
  @FieldResolver(() => PersonType, { nullable: true, description: "Who took the step; null for steps recorded before the hub." })
  actor(@Root() event: FilingEvent, @Ctx() ctx: HubContext) {
    return event.actorPersonId ? personById(ctx).load(event.actorPersonId) : null;
  }
}
