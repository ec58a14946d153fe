import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { OrganizationStub } from "../external";
import { Tenancy } from "./tenancy.entity";
import { TenancyService } from "./tenancy.service";

const tenancies = new TenancyService();

/** Fields venues contributes to Organization (owned by the organizations subgraph): its incubation tenancy. */
@Resolver(() => OrganizationStub)
export class OrganizationTenancyResolver {
  @FieldResolver(() => Tenancy, { nullable: true, description: "The organization's incubation tenancy (孵化入驻): the active one, else an application, else the latest." })
  incubationTenancy(@Root() organization: OrganizationStub, @Ctx() ctx: HubContext) {
    return tenancies.current(ctx, organization.id);
  }
}
