import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { PolicyFacts, PurposeOverrideFacts } from "./booking-policy.rules";
import { BookingPurpose } from "./facility.enums";

@ObjectType({ description: "A departure from the facility's policy for one purpose, optionally only in some rooms." })
export class PurposeOverride implements PurposeOverrideFacts {
  @Field(() => BookingPurpose)
  purpose: BookingPurpose;

  @Field(() => [ID], { nullable: true, description: "Only these rooms; null for every room of the facility." })
  roomIds: string[] | null;

  @Field(() => Int, { nullable: true })
  minLeadHours?: number | null;

  @Field(() => Int, { nullable: true })
  maxAdvanceDays?: number | null;

  @Field(() => Int, { nullable: true })
  maxDurationMinutes?: number | null;

  @Field(() => Boolean, { nullable: true })
  requiresApproval?: boolean | null;
}

/** A facility's booking policy (DOMAIN §5); a facility without one follows DEFAULT_POLICY. */
@Entity("booking_policies")
@ObjectType({ description: "How a facility takes bookings: lead time, horizon, duration, turnaround, slots, quotas, approval, cancellation." })
export class BookingPolicy implements PolicyFacts {
  @PrimaryColumn({ type: "varchar", length: 40 })
  facilityId: string;

  @Column({ type: "int" })
  @Field(() => Int)
  minLeadHours: number;

  @Column({ type: "int" })
  @Field(() => Int)
  maxAdvanceDays: number;

  @Column({ type: "int" })
  @Field(() => Int)
  maxDurationMinutes: number;

  @Column({ type: "int" })
  @Field(() => Int, { description: "Turnaround: two bookings of a room are at least this far apart." })
  bufferMinutes: number;

  @Column({ type: "int" })
  @Field(() => Int)
  slotMinutes: number;

  @Column({ type: "int", nullable: true })
  @Field(() => Int, { nullable: true })
  perOrgMonthlyMinutesCap: number | null;

  @Column({ type: "int", nullable: true })
  @Field(() => Int, { nullable: true })
  perOrgMaxActiveBookings: number | null;

  @Column({ type: "boolean" })
  @Field(() => Boolean)
  requiresApproval: boolean;

  @Column({ type: "int", nullable: true })
  @Field(() => Int, { nullable: true, description: "Bookings expecting more people than this wait for approval." })
  approvalAboveAttendance: number | null;

  @Column({ type: "int" })
  @Field(() => Int)
  cancellationCutoffHours: number;

  /** The organizations subgraph's LegalForm values admitted (C7); internal, as that enum is not ours. */
  @Column({ type: "simple-json" })
  eligibleLegalForms: string[];

  @Column({ type: "simple-json" })
  @Field(() => [PurposeOverride])
  purposeOverrides: PurposeOverride[];
}
