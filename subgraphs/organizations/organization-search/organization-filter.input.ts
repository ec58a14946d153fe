import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Connection } from "../../kit/pagination";
import { LegalForm, OrgCategory, Organization } from "../directory";
import { FilingStatus } from "../filing";
import { RiskLevel } from "../leader-dependency";

@InputType({ description: "Narrows an organization list; all given conditions must hold." })
export class OrgFilter {
  @Field(() => ID, { nullable: true, description: "Only organizations whose home area lies in this area's subtree." })
  areaCode?: string | null;

  @Field(() => [OrgCategory], { nullable: true, description: "Main or secondary category is one of these." })
  categories?: OrgCategory[] | null;

  @Field(() => [LegalForm], { nullable: true })
  legalForms?: LegalForm[] | null;

  @Field(() => [FilingStatus], { nullable: true, description: "Filing (备案) in one of these states, e.g. the street's queue." })
  filingStatus?: FilingStatus[] | null;

  @Field(() => Int, { nullable: true, description: "A current star rating of at least this many stars (1–5)." })
  minStars?: number | null;

  @Field(() => [RiskLevel], { nullable: true, description: "Leader-dependency level; for staff, supervisors, academy and funders only." })
  leaderDependency?: RiskLevel[] | null;

  @Field(() => Boolean, { nullable: true, description: "Only organizations the signed-in supervisor is assigned to." })
  supervisedByMe?: boolean | null;

  @Field(() => String, { nullable: true, description: "Part of the name." })
  search?: string | null;
}

@ObjectType()
export class OrganizationConnection extends Connection(Organization, "Organization") {}
