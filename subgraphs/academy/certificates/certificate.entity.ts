import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateTimeScalar } from "../../kit/scalars";

/**
 * A training certificate of one person for one course (DOMAIN §4). Person and organization live in the
 * organizations subgraph; `organizationId` is the organization the person enrolled for, which
 * Organization.certifiedMemberCount counts by.
 */
@Entity("certificates")
@Index(["organizationId", "revoked"])
@ObjectType({ description: "A training certificate: who finished which course, issued by which academy." })
@Directive('@key(fields: "id")')
export class Certificate {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index({ unique: true })
  @Column({ type: "varchar", length: 30 })
  @Field(() => String, { description: "The printed number, e.g. HFSQ-2022-000123." })
  certificateNo: string;

  @Column({ type: "varchar", length: 20 })
  verifyCode: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  personId: string;

  @Column({ type: "varchar", length: 40 })
  courseId: string;

  @Column({ type: "varchar", length: 40 })
  issuedByAcademyId: string;

  @Index()
  @Column({ type: "varchar", length: 40, nullable: true })
  enrollmentId: string | null;

  @Column({ type: "varchar", length: 40, nullable: true })
  organizationId: string | null;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  issuedAt: Date;

  @Column({ type: "int" })
  @Field(() => Int, { description: "Teaching time the certificate states, in minutes." })
  minutes: number;

  @Column({ type: "boolean", default: false })
  @Field(() => Boolean)
  revoked: boolean;
}
