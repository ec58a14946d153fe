import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { AreaStub, OrganizationStub } from "../external";
import { Academy } from "./academy.entity";
import { AcademyService } from "./academy.service";

const academies = new AcademyService();

@Resolver(() => Academy)
export class AcademyResolver {
  @Query(() => Academy, { nullable: true, description: "One academy; null when no academy has this id." })
  academy(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext) {
    return academies.find(ctx, id);
  }

  @FieldResolver(() => AreaStub)
  area(@Root() academy: Academy): AreaStub {
    return { code: academy.areaCode };
  }

  @FieldResolver(() => Academy, { nullable: true, description: "The academy one level up; null for a city academy." })
  parent(@Root() academy: Academy, @Ctx() ctx: HubContext) {
    return academy.parentId ? rowLoader(ctx, Academy).load(academy.parentId) : null;
  }

  @FieldResolver(() => OrganizationStub, { nullable: true, description: "The registered organization that runs the academy, if any." })
  operator(@Root() academy: Academy): OrganizationStub | null {
    return academy.operatorOrgId ? { id: academy.operatorOrgId } : null;
  }
}
