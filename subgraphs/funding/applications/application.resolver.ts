import { Ctx, FieldResolver, Resolver, Root, UseMiddleware } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Call } from "../calls";
import { AreaStub, OrganizationStub } from "../external";
import { Application } from "./application.entity";
import { FullApplicationOnly } from "./application.policy";

@Resolver(() => Application)
export class ApplicationResolver {
  @FieldResolver(() => Call)
  call(@Root() application: Application, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Call).load(application.callId);
  }

  @FieldResolver(() => OrganizationStub)
  applicantOrg(@Root() application: Application): OrganizationStub {
    return { id: application.applicantOrgId };
  }

  @FieldResolver(() => AreaStub, { nullable: true })
  @UseMiddleware(FullApplicationOnly)
  targetArea(@Root() application: Application): AreaStub | null {
    return application.targetAreaCode ? { code: application.targetAreaCode } : null;
  }
}
