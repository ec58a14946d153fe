import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Area } from "../directory";

export enum OrganizationImportAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
}

registerEnumType(OrganizationImportAction, {
  name: "OrganizationImportAction",
  description: "What an import does with a row: a new filed organization, or changes to the one holding the filing number.",
});

@ObjectType({ description: "One thing to fix in one cell of the sheet." })
export class OrganizationImportProblem {
  @Field(() => String, { description: "The column (input field) at fault, e.g. homeAreaCode." })
  column: string;

  @Field(() => String, { nullable: true, description: "The cell as given; null when it is empty." })
  value: string | null;

  @Field(() => String, { description: "What is wrong and how to fix it." })
  message: string;
}

@ObjectType({ description: "The verdict on one row of the sheet." })
export class OrganizationImportRowResult {
  @Field(() => Int)
  sheetRow: number;

  @Field(() => OrganizationImportAction)
  action: OrganizationImportAction;

  @Field(() => String, { nullable: true })
  filingNo: string | null;

  @Field(() => String, { nullable: true })
  name: string | null;

  /** Served by the report resolver: the updated organization, or the created one once written. */
  organizationId: string | null;

  @Field(() => [String], { description: "Columns an UPDATE changes (or would, on a dry run); empty for CREATE rows, rows with problems and rows that change nothing." })
  changedColumns: string[];

  @Field(() => [OrganizationImportProblem])
  problems: OrganizationImportProblem[];
}

@ObjectType({ description: "What an import did, or would do: nothing is written when any row has a problem or on a dry run." })
export class OrganizationImportReport {
  @Field(() => Area)
  street: Area;

  @Field(() => Boolean)
  dryRun: boolean;

  @Field(() => Boolean, { description: "Whether the rows were written (all of them, in one transaction)." })
  written: boolean;

  @Field(() => Int, { description: "Rows that create an organization." })
  created: number;

  @Field(() => Int, { description: "Rows that update an organization (changing something or not)." })
  updated: number;

  @Field(() => Int, { description: "Problems over all rows; 0 means the sheet can be imported." })
  problemCount: number;

  @Field(() => [OrganizationImportRowResult], { description: "Every row, in sheet order." })
  rows: OrganizationImportRowResult[];
}
