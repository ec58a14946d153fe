import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Facility } from "../entities/facility.entity";
import { Room } from "../entities/room.entity";
import { Tenancy } from "../entities/tenancy.entity";
import { facilityById, roomById } from "../loaders";
import { OrganizationStub } from "../types/organization.stub";

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
