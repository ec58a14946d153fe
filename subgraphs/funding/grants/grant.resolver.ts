import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Application } from "../applications";
import { OrganizationStub } from "../external";
import { Grant } from "./grant.entity";
import { GrantService } from "./grant.service";

const grants = new GrantService();

@Resolver(() => Grant)
export class GrantResolver {
  @Query(() => Grant, { nullable: true, description: "One grant; null when no grant has this id." })
  grant(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return grants.find(ctx, id);
  }

  @FieldResolver(() => Application)
  application(@Root() grant: Grant, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Application).load(grant.applicationId);
  }

  @FieldResolver(() => OrganizationStub)
  organization(@Root() grant: Grant): OrganizationStub {
    return { id: grant.organizationId };
  }
}
