import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "../../kit/scalars";
import { ExceptionKind } from "./facility.enums";
import { LocalTimeScalar } from "./local-time.scalar";

/**
 * A date that departs from the weekly rules: statutory holidays and makeup workdays (调休) hold for every
 * facility (`facilityId` null); maintenance, emergencies and special hours for one.
 */
@Entity("calendar_exceptions")
@Index(["date", "facilityId"])
@ObjectType({ description: "A holiday, makeup workday (调休上班), maintenance or emergency closure, or special hours on one date." })
export class CalendarException {
  @PrimaryGeneratedColumn({ type: "int" })
  id: number;

  /** Null: the statutory calendar, which every facility follows. */
  @Column({ type: "varchar", length: 40, nullable: true })
  facilityId: string | null;

  @Column({ type: "varchar", length: 10 })
  @Field(() => DateScalar)
  date: string;

  @Column({ type: "simple-enum", enum: ExceptionKind })
  @Field(() => ExceptionKind)
  kind: ExceptionKind;

  @Column({ type: "varchar", length: 5, nullable: true })
  @Field(() => LocalTimeScalar, { nullable: true, description: "Hours of a SPECIAL_HOURS day or of a makeup workday that differs from Monday." })
  opens: string | null;

  @Column({ type: "varchar", length: 5, nullable: true })
  @Field(() => LocalTimeScalar, { nullable: true })
  closes: string | null;

  @Column({ type: "varchar", length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null;
}
