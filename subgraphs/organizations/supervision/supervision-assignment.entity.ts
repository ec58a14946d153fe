import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar } from "../../kit/scalars";

/**
 * A social-work supervisor assigned to an organization by an agency (DOMAIN §3.6).
 * The span is half-open: the assignment holds on `since` and stops holding on `until`.
 */
@Entity("supervision_assignments")
@ObjectType("SupervisionAssignment", { description: "A social-work supervisor (社工督导) assigned to an organization by an agency." })
@Index(["organizationId", "since"])
// a supervisor's own organizations (filter supervisedByMe, Q7)
@Index(["supervisorPersonId", "since"])
export class SupervisionAssignment {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 40 })
  organizationId: string;

  /** The social-work agency (an Organization of category PROFESSIONAL_SOCIAL_WORK). */
  @Column({ type: "varchar", length: 40 })
  agencyOrgId: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  supervisorPersonId: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => DateScalar)
  since: string;

  @Column({ type: "varchar", length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "The first day the assignment no longer holds; null while it runs." })
  until: string | null;

  /** Planned visit rhythm, e.g. MONTHLY; not part of the client contract. */
  @Column({ type: "varchar", length: 20, nullable: true })
  cadence: string | null;
}
