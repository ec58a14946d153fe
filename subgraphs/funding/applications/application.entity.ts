import { Directive, Field, ID, Int, ObjectType, UseMiddleware } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateTimeScalar, SafeIntScalar } from "../../kit/scalars";
import { ApplicantTrack } from "../calls";
import { fenColumn } from "../funders";
import { ApplicationStatus } from "./application.enums";
import { FullApplicationOnly } from "./application.policy";
import { OutputTargets } from "./output-targets.type";

/**
 * An organization's project proposal to one call (DOMAIN §6); status follows §8.2. Fields marked FullApplicationOnly
 * are outside the public 挂榜 view (application.policy).
 */
@Entity("applications")
@ObjectType({ description: "An organization's application to a call." })
@Directive('@key(fields: "id")')
export class Application {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  callId: string;

  @Column({ type: "simple-enum", enum: ApplicantTrack })
  @Field(() => ApplicantTrack)
  @UseMiddleware(FullApplicationOnly)
  track: ApplicantTrack;

  /** The applicant (Organization, owned by organizations); exposed as `applicantOrg`. */
  @Index()
  @Column({ type: "varchar", length: 40 })
  applicantOrgId: string;

  @Column({ type: "varchar", length: 200 })
  @Field(() => String)
  projectTitle: string;

  @Column({ type: "varchar", length: 40, nullable: true })
  @Field(() => String, { nullable: true })
  @UseMiddleware(FullApplicationOnly)
  category: string | null;

  @Column({ type: "text" })
  @Field(() => String)
  @UseMiddleware(FullApplicationOnly)
  summary: string;

  /** An Area code (owned by organizations); exposed as `targetArea`. */
  @Column({ type: "varchar", length: 20, nullable: true })
  targetAreaCode: string | null;

  @Column({ type: "simple-json" })
  @Field(() => OutputTargets)
  @UseMiddleware(FullApplicationOnly)
  plannedOutputs: OutputTargets;

  @Column(fenColumn())
  @Field(() => SafeIntScalar, { description: "The amount asked for, in fen." })
  @UseMiddleware(FullApplicationOnly)
  requestedFen: number;

  /** A snapshot: later ratings do not rewrite it, so reviewers see the rating as it stood (DOMAIN §7). */
  @Column({ type: "int", nullable: true })
  @Field(() => Int, { nullable: true, description: "The applicant's stars when it applied; null when it had no rating." })
  @UseMiddleware(FullApplicationOnly)
  applicantStarsAtSubmission: number | null;

  @Column({ type: "simple-enum", enum: ApplicationStatus })
  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Column({ type: "datetime", precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  @UseMiddleware(FullApplicationOnly)
  submittedAt: Date | null;

  /** The applicant's grant from an earlier round, so reviewers see continuity (DOMAIN §8.2). */
  @Column({ type: "varchar", length: 40, nullable: true })
  previousGrantId: string | null;
}
