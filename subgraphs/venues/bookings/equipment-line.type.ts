import { Field, Int, ObjectType } from "type-graphql";

/** How many of one equipment item a booking reserves; `equipment` resolves through a loader. */
@ObjectType()
export class EquipmentLine {
  equipmentId: string;

  @Field(() => Int)
  quantity: number;
}
