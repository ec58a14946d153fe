import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Organization, organizationById } from "../directory";
import { OrganizationImportService } from "./organization-import.service";
import { OrganizationImportRowInput } from "./organization-import.input";
import { OrganizationImportReport, OrganizationImportRowResult } from "./organization-import.type";

const imports = new OrganizationImportService();

@Resolver(() => OrganizationImportReport)
export class OrganizationImportResolver {
  @Mutation(() => OrganizationImportReport, {
    description:
      "Imports a street office's sheet of filed organizations (备案): each row creates one, or updates the one holding its filing number. " +
      "Every problem of every row is reported; nothing is written when any row has one, nor on a dry run. At most 500 rows; " +
      "for street staff covering the street and federation admins.",
  })
  importFiledOrganizations(
    @Arg("streetCode", () => ID, { description: "The filing authority: a street, township or functional zone, e.g. 340111X01." }) streetCode: string,
    @Arg("rows", () => [OrganizationImportRowInput]) rows: OrganizationImportRowInput[],
    @Arg("dryRun", () => Boolean, { nullable: true, defaultValue: false, description: "Check and report only; never writes." }) dryRun: boolean | null,
    @Ctx() ctx: HubContext,
  ) {
    return imports.import(ctx, streetCode, rows, dryRun ?? false);
  }
}

@Resolver(() => OrganizationImportRowResult)
export class OrganizationImportRowResolver {
  @FieldResolver(() => Organization, { nullable: true, description: "The organization the row updates, or created once written; null otherwise." })
  organization(@Root() row: OrganizationImportRowResult, @Ctx() ctx: HubContext) {
    return row.organizationId ? organizationById(ctx).load(row.organizationId) : null;
  }
}
