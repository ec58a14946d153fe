import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Facility } from "./facility.entity";
import { rowLoader } from "../../kit/loaders";
import { Room } from "./room.entity";

@Resolver(() => Room)
export class RoomResolver {
  @FieldResolver(() => Facility)
  facility(@Root() room: Room, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Facility).load(room.facilityId);
  }
}
