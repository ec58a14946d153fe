import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Equipment } from "./equipment.entity";
import { rowLoader } from "../../kit/loaders";
import { Room } from "./room.entity";

@Resolver(() => Equipment)
export class EquipmentResolver {
  @FieldResolver(() => Room, { nullable: true, description: "The room it is installed in; null when movable or shared across the facility." })
  room(@Root() equipment: Equipment, @Ctx() ctx: HubContext) {
    return equipment.roomId ? rowLoader(ctx, Room).load(equipment.roomId) : null;
  }
}
