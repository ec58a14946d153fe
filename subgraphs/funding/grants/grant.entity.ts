import { Directive, Field, ID, ObjectType, UseMiddleware } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar, SafeIntScalar } from "../../kit/scalars";
import { fenColumn } from "../funders";
import { GrantStatus } from "./grant.enums";
import { GrantFieldFor } from "./grant.policy";

/** An awarded application under agreement (DOMAIN §6); status follows §8.2. Guarded fields: grant.policy. */
@Entity("grants")
@ObjectType({ description: "A grant: an awarded application under a signed agreement." })
@Directive('@key(fields: "id")')
export class Grant {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index({ unique: true })
  @Column({ type: "varchar", length: 40 })
  applicationId: string;

  /** The grantee (Organization, owned by organizations); exposed as `organization`. */
  @Index()
  @Column({ type: "varchar", length: 40 })
  organizationId: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  programId: string;

  @Column({ type: "varchar", length: 40 })
  @Field(() => String)
  @UseMiddleware(GrantFieldFor("full"))
  agreementNo: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => DateScalar)
  @UseMiddleware(GrantFieldFor("full"))
  signedOn: string;

  @Column(fenColumn())
  @Field(() => SafeIntScalar)
  awardedFen: number;

  @Column(fenColumn())
  @Field(() => SafeIntScalar, { description: "Paid out so far, in fen; never more than awardedFen." })
  @UseMiddleware(GrantFieldFor("full"))
  disbursedFen: number;

  @Column({ type: "varchar", length: 10 })
  @Field(() => DateScalar)
  periodFrom: string;

  @Column({ type: "varchar", length: 10 })
  @Field(() => DateScalar)
  periodTo: string;

  @Column({ type: "simple-enum", enum: GrantStatus })
  @Field(() => GrantStatus)
  @UseMiddleware(GrantFieldFor("summary"))
  status: GrantStatus;
}
