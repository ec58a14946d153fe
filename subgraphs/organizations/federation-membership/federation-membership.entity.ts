import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar } from "../../kit/scalars";
import { FederationMembershipStatus } from "./federation-membership.enums";

/** An organization's membership in a federation (联合会), DOMAIN §3.7. */
@Entity("federation_memberships")
@ObjectType("FederationMembership", { description: "An organization's membership in a federation (联合会)." })
export class FederationMembership {
  /** `fmem_<ULID>` (demo rows keep readable ids). */
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  federationId: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  memberId: string;

  @Column({ type: "simple-enum", enum: FederationMembershipStatus })
  @Field(() => FederationMembershipStatus)
  status: FederationMembershipStatus;

  @Column({ type: "datetime", precision: 3 })
  appliedAt: Date;

  /** The day the membership first became ACTIVE. */
  @Column({ type: "varchar", length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  joinedOn: string | null;

  @Column({ type: "datetime", precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: "varchar", length: 40, nullable: true })
  decidedByPersonId: string | null;
}
