import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { AudienceRole, CourseStatus, CourseTopic } from "./course.enums";

/** A course an academy teaches; each run of it is a CourseOffering (DOMAIN §4). */
@Entity("courses")
@ObjectType({ description: "A course an academy teaches; each run of it is an offering." })
@Directive('@key(fields: "id")')
export class Course {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  academyId: string;

  @Column({ type: "varchar", length: 30 })
  @Field(() => String)
  code: string;

  @Column({ type: "varchar", length: 100 })
  @Field(() => String)
  title: string;

  @Column({ type: "simple-enum", enum: CourseTopic })
  @Field(() => CourseTopic)
  topic: CourseTopic;

  @Column({ type: "simple-json" })
  @Field(() => [AudienceRole])
  audience: AudienceRole[];

  @Column({ type: "int" })
  @Field(() => Int, { description: "Planned teaching time of one offering, in minutes." })
  totalMinutes: number;

  // a raw default: TypeORM writes a numeric one for MySQL with toFixed(scale), which rounds 0.8 to '1'
  @Column({ type: "double", default: () => "0.8" })
  @Field(() => Float, { description: "Share of totalMinutes a participant must attend for a certificate." })
  minAttendanceRatio: number;

  @Column({ type: "boolean", default: false })
  @Field(() => Boolean)
  requiresAssignment: boolean;

  @Column({ type: "simple-enum", enum: CourseStatus })
  @Field(() => CourseStatus)
  status: CourseStatus;
}
