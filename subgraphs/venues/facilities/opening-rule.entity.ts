import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Weekday } from "./facility.enums";
import { LocalTimeScalar } from "./local-time.scalar";

/** A weekly opening interval of a facility; two rules on one day leave a closure between them (lunch). */
@Entity("opening_rules")
@ObjectType({ description: "On these weekdays the facility is open from opens to closes; a gap between two rules is a closure." })
export class OpeningRule {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  @Index()
  @Column({ type: "varchar", length: 40 })
  facilityId: string;

  @Column({ type: "simple-json" })
  @Field(() => [Weekday])
  days: Weekday[];

  @Column({ type: "varchar", length: 5 })
  @Field(() => LocalTimeScalar)
  opens: string;

  @Column({ type: "varchar", length: 5 })
  @Field(() => LocalTimeScalar)
  closes: string;
}
