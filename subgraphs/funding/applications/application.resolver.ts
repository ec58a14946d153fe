import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Call } from "../calls";
import { AreaStub, OrganizationStub } from "../external";
import { Application } from "./application.entity";

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
  targetArea(@Root() application: Application): AreaStub | null {
    return application.targetAreaCode ? { code: application.targetAreaCode } : null;
  }
}
