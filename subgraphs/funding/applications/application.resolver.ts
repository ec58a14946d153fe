import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Application } from "./application.entity";
import { Call } from "../calls/call.entity";
import { Grant } from "../grants/grant.entity";
import { callById, grantByApplication, grantById } from "./application.loaders";
import { AreaStub } from "../external/area.stub";
import { OrganizationStub } from "../external/organization.stub";

@Resolver(() => Application)
export class ApplicationResolver {
  @FieldResolver(() => Call)
  call(@Root() application: Application, @Ctx() ctx: HubContext) {
    return callById(ctx).load(application.callId);
  }

  @FieldResolver(() => OrganizationStub)
  applicantOrg(@Root() application: Application): OrganizationStub {
    return { id: application.applicantOrgId };
  }

  @FieldResolver(() => AreaStub, { nullable: true })
  targetArea(@Root() application: Application): AreaStub | null {
    return application.targetAreaCode ? { code: application.targetAreaCode } : null;
  }

  @FieldResolver(() => Grant, { nullable: true, description: "The grant awarded on this application, if any." })
  grant(@Root() application: Application, @Ctx() ctx: HubContext) {
    return grantByApplication(ctx).load(application.id);
  }

  @FieldResolver(() => Grant, { nullable: true, description: "The applicant's grant from an earlier round that this application continues." })
  previousGrant(@Root() application: Application, @Ctx() ctx: HubContext) {
    return application.previousGrantId ? grantById(ctx).load(application.previousGrantId) : null;
  }
}
