import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { OrganizationStub } from "../external";
import { Facility, facilityById, Room, roomById } from "../facilities";
import { Tenancy } from "./tenancy.entity";

@Resolver(() => Tenancy)
export class TenancyResolver {
  @FieldResolver(() => Facility)
  facility(@Root() tenancy: Tenancy, @Ctx() ctx: HubContext) {
    return facilityById(ctx).load(tenancy.facilityId);
  }

  @FieldResolver(() => Room)
  room(@Root() tenancy: Tenancy, @Ctx() ctx: HubContext) {
    return roomById(ctx).load(tenancy.roomId);
  }

  @FieldResolver(() => OrganizationStub)
  organization(@Root() tenancy: Tenancy): OrganizationStub {
    return { id: tenancy.organizationId };
  }
}
