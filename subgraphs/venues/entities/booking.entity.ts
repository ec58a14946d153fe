import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateTimeScalar } from "../../kit/scalars";
import { BookingPurpose, BookingStatus } from "../types/enums";

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

  @Column({ type: "varchar", length: 100 })
  @Field(() => String)
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

  @Column({ type: "simple-enum", enum: BookingStatus })
  @Field(() => BookingStatus)
  status: BookingStatus;

  @Column({ type: "datetime", precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: "When a HELD booking lapses to EXPIRED." })
  holdExpiresAt: Date | null;
}
