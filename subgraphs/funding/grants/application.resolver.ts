import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Application } from "../applications";
import { Grant } from "./grant.entity";
import { grantByApplication, grantById } from "./grant.loaders";

/** The grants feature's fields on Application. */
@Resolver(() => Application)
export class ApplicationGrantResolver {
  @FieldResolver(() => Grant, { nullable: true, description: "The grant awarded on this application, if any." })
  grant(@Root() application: Application, @Ctx() ctx: HubContext) {
    return grantByApplication(ctx).load(application.id);
  }

  @FieldResolver(() => Grant, { nullable: true, description: "The applicant's grant from an earlier round that this application continues." })
  previousGrant(@Root() application: Application, @Ctx() ctx: HubContext) {
    return application.previousGrantId ? grantById(ctx).load(application.previousGrantId) : null;
  }
}
