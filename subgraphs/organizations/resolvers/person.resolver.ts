import { Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { ageBandOf, maskName } from "../domain/masking";
import { Person } from "../entities/person.entity";
import { membershipsByPerson, personById } from "../loaders";
import { canSeePersonalData } from "../services/person-access";
import { AgeBand } from "../types/enums";
import { MembershipType } from "../types/membership.type";
import { PersonType } from "../types/person.type";

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonType, { nullable: true, description: "The signed-in person; null for anonymous callers." })
  me(@Ctx() ctx: HubContext) {
    return ctx.viewer.personId ? personById(ctx).load(ctx.viewer.personId) : null;
  }

  @FieldResolver(() => String, { description: "The name as this caller may see it: 张*琴 unless privileged or consented." })
  displayName(@Root() person: Person, @Ctx() ctx: HubContext) {
    return canSeePersonalData(ctx.viewer, person) || person.consentPublicName ? person.fullName : maskName(person.fullName);
  }

  @FieldResolver(() => String, { nullable: true, description: "Null unless the caller may see personal data." })
  fullName(@Root() person: Person, @Ctx() ctx: HubContext) {
    return canSeePersonalData(ctx.viewer, person) ? person.fullName : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Null unless the caller may see personal data." })
  phone(@Root() person: Person, @Ctx() ctx: HubContext) {
    return canSeePersonalData(ctx.viewer, person) ? person.phone : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Null unless the caller may see personal data." })
  birthYear(@Root() person: Person, @Ctx() ctx: HubContext) {
    return canSeePersonalData(ctx.viewer, person) ? person.birthYear : null;
  }

  @FieldResolver(() => AgeBand, { nullable: true, description: "Null unless the caller may see personal data." })
  ageBand(@Root() person: Person, @Ctx() ctx: HubContext) {
    if (!canSeePersonalData(ctx.viewer, person)) return null;
    return ageBandOf(person.birthYear, Number(businessDate(now()).slice(0, 4)));
  }

  @FieldResolver(() => [MembershipType], { description: "Memberships, past ones included; only the person themself and privileged callers see them." })
  async memberships(@Root() person: Person, @Ctx() ctx: HubContext) {
    if (!canSeePersonalData(ctx.viewer, person)) return [];
    return membershipsByPerson(ctx).load(person.id);
  }
}
