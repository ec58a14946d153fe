import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { EquipmentType } from "./facility.enums";

/** Equipment of a facility: installed in a room, or movable and lent to bookings across the facility (C6). */
@Entity("equipment")
@ObjectType({ description: "Equipment of a facility (设备): installed in a room, or movable and lent to bookings." })
@Directive('@key(fields: "id")')
export class Equipment {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  facilityId: string;

  /** The room it is installed in; null for a facility-wide pool. */
  @Column({ type: "varchar", length: 40, nullable: true })
  roomId: string | null;

  @Column({ type: "simple-enum", enum: EquipmentType })
  @Field(() => EquipmentType)
  type: EquipmentType;

  @Column({ type: "varchar", length: 60 })
  @Field(() => String)
  name: string;

  @Column({ type: "int" })
  @Field(() => Int)
  quantity: number;

  @Column({ type: "boolean" })
  @Field(() => Boolean)
  movable: boolean;
}
