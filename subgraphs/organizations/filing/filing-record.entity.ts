import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar, DateTimeScalar } from "../../kit/scalars";
import { FilingStatus } from "./filing.enums";

/**
 * An organization's filing (备案) with its authority (DOMAIN §3.5, states §8.1). One per organization;
 * events, charter and roster details are served through the read rule in filing.resolver (§9.2).
 */
@Entity("filing_records")
@Index(["authorityAreaCode", "filingNo"], { unique: true })
@ObjectType("FilingRecord", { description: "An organization's filing (备案) with the street or other filing authority." })
export class FilingRecord {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index({ unique: true })
  @Column({ type: "varchar", length: 40 })
  organizationId: string;

  /** Unique per authority; assigned on APPROVE (e.g. CQ-BA-2022-0001). */
  @Column({ type: "varchar", length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: "备案编号, unique per authority; assigned when the filing is approved." })
  filingNo: string | null;

  @Column({ type: "varchar", length: 20 })
  authorityAreaCode: string;

  @Index()
  @Column({ type: "simple-enum", enum: FilingStatus })
  @Field(() => FilingStatus)
  status: FilingStatus;

  @Column({ type: "datetime", precision: 3, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  filedOn: string | null;

  // Public although §9.2 keeps filing details to insiders: the contract makes it non-null, and memberCount is public anyway.
  @Column({ type: "int" })
  @Field(() => Int, { description: "Members declared when the filing was submitted." })
  declaredMemberCount: number;

  @Column({ type: "varchar", length: 300, nullable: true })
  charterDocumentUrl: string | null;

  @Column({ type: "boolean", default: false })
  venueDeclared: boolean;
}
