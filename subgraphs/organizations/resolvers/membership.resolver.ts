import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Membership } from "../entities/membership.entity";
import { Organization } from "../entities/organization.entity";
import { organizationById, personById } from "../loaders";
import { MembershipType } from "../types/membership.type";
import { PersonType } from "../types/person.type";

@Resolver(() => MembershipType)
export class MembershipResolver {
  @FieldResolver(() => Organization)
  organization(@Root() membership: Membership, @Ctx() ctx: HubContext) {
    return organizationById(ctx).load(membership.organizationId);
  }

  @FieldResolver(() => PersonType)
  person(@Root() membership: Membership, @Ctx() ctx: HubContext) {
    return personById(ctx).load(membership.personId);
  }

  @FieldResolver(() => Boolean, { description: "Still held (no leftOn)." })
  active(@Root() membership: Membership) {
    return membership.leftOn === null;
  }
}
