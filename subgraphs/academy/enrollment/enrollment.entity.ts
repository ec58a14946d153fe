import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateTimeScalar } from "../../kit/scalars";
import { EnrollmentStatus } from "./enrollment.enums";

/** A person's seat (or waitlist place) in an offering, on behalf of an organization (DOMAIN §4, §8.4). */
@Entity("enrollments")
@Index(["offeringId", "status"])
@Index(["organizationId", "status"])
@ObjectType({ description: "A person's seat or waitlist place in an offering, on behalf of an organization." })
@Directive('@key(fields: "id")')
export class Enrollment {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 40 })
  offeringId: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  personId: string;

  @Column({ type: "varchar", length: 40 })
  organizationId: string;

  @Column({ type: "simple-enum", enum: EnrollmentStatus })
  @Field(() => EnrollmentStatus)
  status: EnrollmentStatus;

  @Column({ type: "int", nullable: true })
  @Field(() => Int, { nullable: true, description: "1-based place on the waitlist; null unless WAITLISTED." })
  waitlistPosition: number | null;

  @Column({ type: "datetime", precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: "When an OFFERED seat lapses if not accepted." })
  offerExpiresAt: Date | null;

  @Column({ type: "int", default: 0 })
  @Field(() => Int)
  attendedMinutes: number;
}
