import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateScalar } from "../../kit/scalars";
import { HubType, LegalForm, OrgCategory, OrgForm, OrgStatus } from "./directory.enums";

/** A community social organization (DOMAIN §3.1); deregistration is a status, never a delete. */
@Entity("organizations")
@ObjectType({ description: "A community social organization." })
@Directive('@key(fields: "id")')
export class Organization {
  @PrimaryColumn({ type: "varchar", length: 40 })
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: "varchar", length: 100 })
  @Field(() => String)
  name: string;

  @Column({ type: "simple-enum", enum: LegalForm })
  @Field(() => LegalForm)
  legalForm: LegalForm;

  @Column({ type: "simple-enum", enum: OrgForm, nullable: true })
  @Field(() => OrgForm, { nullable: true })
  orgForm: OrgForm | null;

  @Column({ type: "simple-enum", enum: OrgCategory })
  @Field(() => OrgCategory)
  category: OrgCategory;

  @Column({ type: "simple-json" })
  @Field(() => [OrgCategory])
  secondaryCategories: OrgCategory[];

  @Column({ type: "simple-enum", enum: HubType, nullable: true })
  @Field(() => HubType, { nullable: true })
  hubType: HubType | null;

  @Column({ type: "simple-enum", enum: OrgStatus })
  @Field(() => OrgStatus)
  status: OrgStatus;

  @Column({ type: "varchar", length: 10, nullable: true })
  @Field(() => DateScalar, { nullable: true })
  foundedOn: string | null;

  @Index()
  @Column({ type: "varchar", length: 20 })
  homeAreaCode: string;

  @Column({ type: "simple-json" })
  serviceAreaCodes: string[];

  @Column({ type: "varchar", length: 18, nullable: true })
  @Field(() => String, { nullable: true, description: "统一社会信用代码; registered organizations only." })
  unifiedSocialCreditCode: string | null;
}
