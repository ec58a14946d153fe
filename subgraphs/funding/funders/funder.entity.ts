import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { FunderType } from "./funder.enums";

/** A body that funds community projects: street office, district bureau, foundation… (DOMAIN §6). */
@Entity("funders")
@ObjectType({ description: "A funder: street office, district civil affairs, foundation, enterprise…" })
@Directive('@key(fields: "id")')
export class Funder {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 100 })
  @Field(() => String)
  name: string;

  @Column({ type: "simple-enum", enum: FunderType })
  @Field(() => FunderType)
  type: FunderType;

  /** The Area (owned by organizations) the funder serves; exposed as `area`. */
  @Column({ type: "varchar", length: 20, nullable: true })
  areaCode: string | null;
}
