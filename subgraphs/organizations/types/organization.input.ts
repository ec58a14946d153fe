import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Connection } from "../../kit/pagination";
import { Organization } from "../entities/organization.entity";
import { LegalForm, OrgCategory } from "./enums";

@InputType({ description: "Narrows an organization list; all given conditions must hold." })
export class OrgFilter {
  @Field(() => ID, { nullable: true, description: "Only organizations whose home area lies in this area's subtree." })
  areaCode?: string | null;

  @Field(() => [OrgCategory], { nullable: true, description: "Main or secondary category is one of these." })
  categories?: OrgCategory[] | null;

  @Field(() => [LegalForm], { nullable: true })
  legalForms?: LegalForm[] | null;

  @Field(() => String, { nullable: true, description: "Part of the name." })
  search?: string | null;
}

@ObjectType()
export class OrganizationConnection extends Connection(Organization, "Organization") {}
