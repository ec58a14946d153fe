import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateTimeScalar } from "../../kit/scalars";
import { BookingPurpose } from "../facilities";
import { BookingStatus, BookingVisibility } from "./booking.enums";

/** Equipment a booking reserves, item by item (C6). */
export interface EquipmentLineRow {
  equipmentId: string;
  quantity: number;
}

/** A room booked by an organization over `[startsAt, endsAt)` (DOMAIN §5, states §8.3). */
@Entity("bookings")
@Index(["organizationId", "startsAt"])
@Index(["roomId", "startsAt"])
@ObjectType({ description: "A room booked by an organization for an interval." })
@Directive('@key(fields: "id")')
export class Booking {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 40 })
  roomId: string;

  @Column({ type: "varchar", length: 40 })
  organizationId: string;

  @Column({ type: "varchar", length: 40, nullable: true })
  requestedById: string | null;

  @Column({ type: "simple-enum", enum: BookingPurpose })
  @Field(() => BookingPurpose)
  purpose: BookingPurpose;

  /** A COURSE_SESSION's academy: its staff (academyIds) read and cancel it in full (DOMAIN §9.2 "AC: course bookings"). */
  @Column({ type: "varchar", length: 40, nullable: true })
  academyId: string | null;

  /** Served through BookingResolver.title: partners see 已预约 unless the booking is PUBLIC. */
  @Column({ type: "varchar", length: 100 })
  title: string;

  @Column({ type: "int" })
  @Field(() => Int)
  expectedAttendance: number;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  endsAt: Date;

  /** The stored state; BookingResolver.status serves the effective one (a lapsed hold is EXPIRED, §8.3). */
  @Column({ type: "simple-enum", enum: BookingStatus })
  status: BookingStatus;

  @Column({ type: "datetime", precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: "When a HELD booking lapses to EXPIRED." })
  holdExpiresAt: Date | null;

  @Column({ type: "simple-enum", enum: BookingVisibility, default: BookingVisibility.PRIVATE })
  @Field(() => BookingVisibility)
  visibility: BookingVisibility;

  /** Null for a booking without equipment. */
  @Column({ type: "simple-json", nullable: true })
  equipmentLines: EquipmentLineRow[] | null;

  /** The recurring series this occurrence belongs to. */
  @Column({ type: "varchar", length: 40, nullable: true })
  @Field(() => ID, { nullable: true, description: "The recurring series this booking belongs to." })
  seriesId: string | null;

  /** The community worker who booked for an INFORMAL team (C7). */
  @Column({ type: "varchar", length: 40, nullable: true })
  sponsorPersonId: string | null;

  /** Why it was cancelled, rejected or bumped. */
  @Column({ type: "varchar", length: 200, nullable: true })
  statusReason: string | null;

  /** Cancelled after the policy's cutoff: still counts against the quota (C8). */
  @Column({ type: "boolean", default: false })
  lateCancellation: boolean;

  /** Decided when the booking was requested: confirming the hold leads to PENDING_APPROVAL. */
  @Column({ type: "boolean", default: false })
  approvalRequired: boolean;
}

/** The columns a booking row has unless told otherwise: made by no one in particular, private, no hold, no equipment. */
export const BOOKING_DEFAULTS = {
  requestedById: null,
  academyId: null,
  holdExpiresAt: null,
  visibility: BookingVisibility.PRIVATE,
  equipmentLines: null,
  seriesId: null,
  sponsorPersonId: null,
  statusReason: null,
  lateCancellation: false,
  approvalRequired: false,
} satisfies Partial<Booking>;
