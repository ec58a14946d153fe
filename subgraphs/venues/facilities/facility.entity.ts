import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { FacilityType } from "./facility.enums";

/** A venue (场地/阵地) in an area; its rooms are what gets booked (DOMAIN §5). */
@Entity("facilities")
@ObjectType({ description: "A venue: service centre, social-work station, incubation base, square…" })
@Directive('@key(fields: "id")')
export class Facility {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 100 })
  @Field(() => String)
  name: string;

  @Column({ type: "simple-enum", enum: FacilityType })
  @Field(() => FacilityType)
  type: FacilityType;

  /** Area subtrees are code prefixes, so this index serves `LIKE 'prefix%'`. */
  @Index()
  @Column({ type: "varchar", length: 20 })
  areaCode: string;

  /** The operating hub organization, when the operator is one. */
  @Index()
  @Column({ type: "varchar", length: 40, nullable: true })
  operatorOrgId: string | null;

  /** Operators that are not hub organizations (a residents' committee, a property company); internal only. */
  @Column({ type: "varchar", length: 100, nullable: true })
  operatorName: string | null;

  @Column({ type: "varchar", length: 200 })
  @Field(() => String)
  address: string;

  @Column({ type: "varchar", length: 20, nullable: true })
  @Field(() => String, { nullable: true, description: "The facility's own phone, never a person's." })
  publicPhone: string | null;
}
