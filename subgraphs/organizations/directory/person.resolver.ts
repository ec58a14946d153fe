import { Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { businessDate, now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { ageBandOf, maskName } from "./masking.policy";
import { Person } from "./person.entity";
import { membershipsByPerson, personById } from "./directory.loaders";
import { personalVisibility } from "./person.policy";
import { AgeBand } from "./directory.enums";
import { MembershipType } from "./membership.type";
import { PersonType } from "./person.type";

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonType, { nullable: true, description: "The signed-in person; null for anonymous callers." })
  me(@Ctx() ctx: HubContext) {
    return ctx.viewer.personId ? personById(ctx).load(ctx.viewer.personId) : null;
  }

  @FieldResolver(() => String, { description: "The name as this caller may see it: 张*琴 unless privileged or consented." })
  async displayName(@Root() person: Person, @Ctx() ctx: HubContext) {
    return person.consentPublicName || (await personalVisibility(ctx, person)).name ? person.fullName : maskName(person.fullName);
  }

  @FieldResolver(() => String, { nullable: true, description: "Null unless the caller may see this person's name." })
  async fullName(@Root() person: Person, @Ctx() ctx: HubContext) {
    return (await personalVisibility(ctx, person)).name ? person.fullName : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Null unless the caller may see this person's phone." })
  async phone(@Root() person: Person, @Ctx() ctx: HubContext) {
    return (await personalVisibility(ctx, person)).phone ? person.phone : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Null unless the caller may see this person's age." })
  async birthYear(@Root() person: Person, @Ctx() ctx: HubContext) {
    return (await personalVisibility(ctx, person)).birthYear ? person.birthYear : null;
  }

  @FieldResolver(() => AgeBand, { nullable: true, description: "Null unless the caller may see this person's age." })
  async ageBand(@Root() person: Person, @Ctx() ctx: HubContext) {
    if (!(await personalVisibility(ctx, person)).birthYear) return null;
    return ageBandOf(person.birthYear, Number(businessDate(now()).slice(0, 4)));
  }

  @FieldResolver(() => [MembershipType], { description: "Memberships, past ones included; only the person themself and privileged callers see them." })
  async memberships(@Root() person: Person, @Ctx() ctx: HubContext) {
    if (!(await personalVisibility(ctx, person)).memberships) return [];
    return membershipsByPerson(ctx).load(person.id);
  }
}
