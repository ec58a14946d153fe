import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateTimeScalar } from "../../kit/scalars";
import { ActivityType, VerificationStatus } from "./activity.enums";

/**
 * One version of a service record (DOMAIN §3.10). Records are append-only: a correction inserts a new version
 * and points the old one at it (`supersededById`); lists and stats read only current versions.
 */
@Entity("service_activities")
@Index(["organizationId", "supersededById", "serviceDay"])
@Index(["grantId", "supersededById"])
@ObjectType({ description: "A service activity an organization recorded, with its volunteer hours." })
export class ServiceActivity {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 40 })
  organizationId: string;

  @Column({ type: "varchar", length: 100 })
  @Field(() => String)
  title: string;

  @Column({ type: "simple-enum", enum: ActivityType })
  @Field(() => ActivityType)
  type: ActivityType;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  endsAt: Date;

  /** The Asia/Shanghai day the activity starts: periods, stats and the 16 h rule count on it. */
  @Column({ type: "varchar", length: 10 })
  serviceDay: string;

  @Column({ type: "varchar", length: 20 })
  areaCode: string;

  /** A venues Booking id (owned there; only its form is checked). */
  @Column({ type: "varchar", length: 40, nullable: true })
  bookingId: string | null;

  /** A funding Grant id (owned there; only its form is checked). */
  @Column({ type: "varchar", length: 40, nullable: true })
  grantId: string | null;

  @Column({ type: "varchar", length: 40, nullable: true })
  leadOrganizerId: string | null;

  @Column({ type: "varchar", length: 40 })
  recordedById: string;

  @Column({ type: "datetime", precision: 3 })
  recordedAt: Date;

  @Column({ type: "int" })
  @Field(() => Int, { description: "人次: visits, never unique people." })
  beneficiaryVisits: number;

  /** Σ of this version's volunteer lines, kept with the record so stats need no join. */
  @Column({ type: "int" })
  @Field(() => Int, { description: "All volunteer minutes of the activity (the sum of its lines)." })
  volunteerMinutes: number;

  @Column({ type: "simple-enum", enum: VerificationStatus })
  @Field(() => VerificationStatus)
  verification: VerificationStatus;

  @Column({ type: "varchar", length: 40, nullable: true })
  verifiedById: string | null;

  @Column({ type: "datetime", precision: 3, nullable: true })
  verifiedAt: Date | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  verificationComment: string | null;

  /** 1 for the first record, +1 per correction. */
  @Column({ type: "int" })
  version: number;

  /** The version this one corrects. */
  @Column({ type: "varchar", length: 40, nullable: true })
  supersedesId: string | null;

  /** Set when a correction replaced this version; null for the current version. */
  @Column({ type: "varchar", length: 40, nullable: true })
  supersededById: string | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  correctionReason: string | null;
}
