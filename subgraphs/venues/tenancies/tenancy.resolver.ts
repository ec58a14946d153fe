import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { OrganizationStub } from "../external";
import { rowLoader } from "../../kit/loaders";
import { Facility, Room } from "../facilities";
import { Tenancy } from "./tenancy.entity";

@Resolver(() => Tenancy)
export class TenancyResolver {
  @FieldResolver(() => Facility)
  facility(@Root() tenancy: Tenancy, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Facility).load(tenancy.facilityId);
  }

  @FieldResolver(() => Room)
  room(@Root() tenancy: Tenancy, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Room).load(tenancy.roomId);
  }

  @FieldResolver(() => OrganizationStub)
  organization(@Root() tenancy: Tenancy): OrganizationStub {
    return { id: tenancy.organizationId };
  }
}
