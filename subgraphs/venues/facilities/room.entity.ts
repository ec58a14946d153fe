import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { RoomKind } from "./facility.enums";

/** A bookable space of a facility; outdoor squares are rooms too (DOMAIN §5). */
@Entity("rooms")
@ObjectType({ description: "A space in a facility: hall, meeting room, classroom, desk or outdoor area." })
@Directive('@key(fields: "id")')
export class Room {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  facilityId: string;

  @Column({ type: "varchar", length: 60 })
  @Field(() => String)
  name: string;

  @Column({ type: "simple-enum", enum: RoomKind })
  @Field(() => RoomKind)
  kind: RoomKind;

  @Column({ type: "int" })
  @Field(() => Int)
  capacity: number;

  @Column({ type: "boolean", default: true })
  @Field(() => Boolean, { description: "False for spaces let only by tenancy (incubation desks)." })
  bookable: boolean;

  @Column({ type: "simple-json" })
  @Field(() => [String])
  features: string[];
}
