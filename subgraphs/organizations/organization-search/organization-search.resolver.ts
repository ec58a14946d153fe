import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Area } from "../directory";
import { OrganizationConnection, OrgFilter } from "./organization-filter.input";
import { OrganizationSearch } from "./organization-search.service";

const search = new OrganizationSearch();

@Resolver()
export class OrganizationSearchResolver {
  @Query(() => OrganizationConnection, { description: "The organization directory, filtered and paged (at most 100 a page)." })
  organizations(
    @Ctx() ctx: HubContext,
    @Arg("filter", () => OrgFilter, { nullable: true }) filter?: OrgFilter,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return search.list(ctx, filter, { first, after });
  }
}

@Resolver(() => Area)
export class AreaOrganizationsResolver {
  @FieldResolver(() => OrganizationConnection, {
    description: "Organizations whose home area lies in this area's subtree (one area's directory, as Q12 shows it).",
  })
  organizations(
    @Root() area: Area,
    @Ctx() ctx: HubContext,
    @Arg("filter", () => OrgFilter, { nullable: true }) filter?: OrgFilter,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return search.list(ctx, filter, { first, after }, area);
  }
}
