import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Membership } from "./membership.entity";
import { Organization } from "./organization.entity";
import { organizationById, personById } from "./directory.loaders";
import { MembershipType } from "./membership.type";
import { PersonType } from "./person.type";

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
