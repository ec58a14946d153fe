import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateTimeScalar } from "../../kit/scalars";
import { SessionMode, SessionStatus } from "./course-session.enums";

/** One teaching session of an offering; its room is a booking held in the venues subgraph (DOMAIN §4, §7). */
@Entity("course_sessions")
@Index(["offeringId", "seq"], { unique: true })
@ObjectType({ description: "One teaching session of an offering; an onsite session has a venue booking." })
@Directive('@key(fields: "id")')
export class CourseSession {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Column({ type: "varchar", length: 40 })
  offeringId: string;

  @Column({ type: "int" })
  @Field(() => Int)
  seq: number;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Column({ type: "simple-enum", enum: SessionMode })
  @Field(() => SessionMode)
  mode: SessionMode;

  @Column({ type: "simple-enum", enum: SessionStatus })
  @Field(() => SessionStatus)
  status: SessionStatus;

  @Index()
  @Column({ type: "varchar", length: 40, nullable: true })
  bookingId: string | null;
}
