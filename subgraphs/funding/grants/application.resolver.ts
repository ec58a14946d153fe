import { Ctx, FieldResolver, Resolver, Root, UseMiddleware } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Application, FullApplicationOnly } from "../applications";
import { Grant } from "./grant.entity";

/** The grants feature's fields on Application. */
@Resolver(() => Application)
export class ApplicationGrantResolver {
  @FieldResolver(() => Grant, { nullable: true, description: "The grant awarded on this application, if any." })
  grant(@Root() application: Application, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Grant, "applicationId").load(application.id);
  }

  @FieldResolver(() => Grant, { nullable: true, description: "The applicant's grant from an earlier round that this application continues." })
  @UseMiddleware(FullApplicationOnly)
  previousGrant(@Root() application: Application, @Ctx() ctx: HubContext) {
    return application.previousGrantId ? rowLoader(ctx, Grant).load(application.previousGrantId) : null;
  }
}
