import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Facility } from "../facilities/facility.entity";
import { Room } from "../facilities/room.entity";
import { Tenancy } from "./tenancy.entity";
import { facilityById, roomById } from "../facilities/facility.loaders";
import { OrganizationStub } from "../external/organization.stub";

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
