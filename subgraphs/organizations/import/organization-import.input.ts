import { Field, InputType, Int } from "type-graphql";

// Every column is text, as the sheet has it: a bad cell becomes a problem on its row, not an error for the whole call.
@InputType({ description: "One row of a street office's sheet of filed organizations; cells as text (dates YYYY-MM-DD)." })
export class OrganizationImportRowInput {
  @Field(() => Int, { nullable: true, description: "The row's number in the sheet, echoed in the report; defaults to its position + 1 (after a header row)." })
  sheetRow?: number | null;

  @Field(() => String, { nullable: true, description: "名称; unique under the street (case- and width-folded)." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "组织形式: 队 社 站 中心 组 协会 联合会, or the OrgForm name." })
  orgForm?: string | null;

  @Field(() => String, { nullable: true, description: "主类别: e.g. 困难帮扶类, or the OrgCategory name." })
  category?: string | null;

  @Field(() => String, { nullable: true, description: "次要类别, separated by 、 or ;." })
  secondaryCategories?: string | null;

  @Field(() => String, { nullable: true, description: "所在社区: code of a community or compound under the street." })
  homeAreaCode?: string | null;

  @Field(() => String, { nullable: true, description: "成立日期, YYYY-MM-DD." })
  foundedOn?: string | null;

  @Field(() => String, { nullable: true, description: "备案编号: an existing FILED number of the street updates that organization, a new one creates it." })
  filingNo?: string | null;

  @Field(() => String, { nullable: true, description: "备案日期, YYYY-MM-DD." })
  filedOn?: string | null;

  @Field(() => String, { nullable: true, description: "负责人姓名 (full, unmasked)." })
  leaderFullName?: string | null;

  @Field(() => String, { nullable: true, description: "负责人电话; empty keeps the phone already stored." })
  leaderPhone?: string | null;

  @Field(() => String, { nullable: true, description: "备案成员人数, a whole number." })
  declaredMemberCount?: string | null;

  @Field(() => String, { nullable: true, description: "章程链接, http(s)." })
  charterUrl?: string | null;
}
