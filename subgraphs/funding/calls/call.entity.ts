import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateTimeScalar, SafeIntScalar } from "../../kit/scalars";
import { fenColumn } from "../funders";
import { ApplicantTrack, CallStatus } from "./call.enums";

/** One round of a programme open for applications (征集); status follows DOMAIN §8.2. */
@Entity("calls")
@ObjectType({ description: "A call for applications: one round of a funding programme." })
@Directive('@key(fields: "id")')
export class Call {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  programId: string;

  @Column({ type: "varchar", length: 200 })
  @Field(() => String)
  title: string;

  @Column({ type: "varchar", length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'The round label, e.g. "第三届".' })
  round: string | null;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  opensAt: Date;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  closesAt: Date;

  @Column(fenColumn())
  @Field(() => SafeIntScalar, { description: "The call's total budget, in fen." })
  budgetFen: number;

  @Column({ type: "simple-json" })
  @Field(() => [ApplicantTrack])
  tracks: ApplicantTrack[];

  @Column({ type: "simple-enum", enum: CallStatus })
  @Field(() => CallStatus)
  status: CallStatus;
}
