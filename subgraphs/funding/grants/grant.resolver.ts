import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Application, applicationAccess, notPublic } from "../applications";
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
  async application(@Root() grant: Grant, @Ctx() ctx: HubContext) {
    const application = await rowLoader(ctx, Application).load(grant.applicationId);
    // a grant's application is AWARDED and so public; refuse rather than show one that is not
    if (application && (await applicationAccess(ctx, application)) === "none") throw notPublic("projectTitle");
    return application;
  }

  @FieldResolver(() => OrganizationStub)
  organization(@Root() grant: Grant): OrganizationStub {
    return { id: grant.organizationId };
  }
}
