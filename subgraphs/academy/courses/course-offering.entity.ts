import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateTimeScalar } from "../../kit/scalars";
import { OfferingStatus } from "./course.enums";

/** One run (期/班) of a course with its seats and enrollment window (DOMAIN §4). */
@Entity("course_offerings")
@ObjectType({ description: "One run (期) of a course: seats, enrollment window and sessions." })
@Directive('@key(fields: "id")')
export class CourseOffering {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  courseId: string;

  @Column({ type: "varchar", length: 60 })
  @Field(() => String)
  label: string;

  @Column({ type: "int" })
  @Field(() => Int)
  capacity: number;

  @Column({ type: "int" })
  @Field(() => Int)
  waitlistCap: number;

  @Column({ type: "int", default: 2 })
  @Field(() => Int, { description: "Seats one organization may take in this offering." })
  maxSeatsPerOrg: number;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  enrollmentOpensAt: Date;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  enrollmentClosesAt: Date;

  @Index()
  @Column({ type: "simple-enum", enum: OfferingStatus })
  @Field(() => OfferingStatus)
  status: OfferingStatus;
}
