import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { AreaLevel } from "./directory.enums";

/** An administrative area (DOMAIN §2); every role scope and subtree filter is expressed in area codes. */
@Entity("areas")
@ObjectType({ description: "An administrative area: city, district, street, community or compound." })
@Directive('@key(fields: "code")')
export class Area {
  @PrimaryColumn({ type: "varchar", length: 20 })
  @Field(() => ID)
  code: string;

  @Column({ type: "varchar", length: 60 })
  @Field(() => String)
  name: string;

  @Column({ type: "simple-enum", enum: AreaLevel })
  @Field(() => AreaLevel)
  level: AreaLevel;

  @Index()
  @Column({ type: "varchar", length: 20, nullable: true })
  parentCode: string | null;

  /** Materialized path of codes ("340100/340111/340111X01/"): a subtree is one `LIKE 'path%'`. */
  @Index()
  @Column({ type: "varchar", length: 200 })
  path: string;
}
