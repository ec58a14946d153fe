import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** One person's volunteer minutes on one version of a service record (DOMAIN §3.10); personal data (§9.3). */
@Entity("volunteer_hour_lines")
@Index(["personId", "serviceDay"])
@ObjectType({ description: "A person's volunteer minutes on one activity." })
export class VolunteerHourLine {
  @PrimaryColumn({ type: "varchar", length: 40 })
  id: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  activityId: string;

  @Column({ type: "varchar", length: 40 })
  personId: string;

  /** The activity's service day, kept on the line for the 16 h a day rule. */
  @Column({ type: "varchar", length: 10 })
  serviceDay: string;

  @Column({ type: "int" })
  @Field(() => Int)
  minutes: number;

  @Column({ type: "varchar", length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: "What the person did, e.g. 探访, 主持." })
  role: string | null;
}
