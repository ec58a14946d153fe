import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar } from "../../kit/scalars";
import { TenancyStatus } from "./tenancy.enums";

/** 孵化入驻: an organization's stay at a desk of an incubation base (DOMAIN §5). */
@Entity("tenancies")
@ObjectType({ description: "An organization's incubation tenancy (孵化入驻) at a desk of an incubation base." })
export class Tenancy {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 40 })
  facilityId: string;

  @Column({ type: "varchar", length: 40 })
  roomId: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  organizationId: string;

  @Column({ name: "startsOn", type: "varchar", length: 10 })
  @Field(() => DateScalar)
  from: string;

  @Column({ name: "endsOn", type: "varchar", length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  to: string | null;

  @Column({ type: "simple-enum", enum: TenancyStatus })
  @Field(() => TenancyStatus)
  status: TenancyStatus;
}
