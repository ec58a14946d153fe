import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Academy } from "../entities/academy.entity";
import { Course } from "../entities/course.entity";
import { academyById, coursesByAcademy } from "../loaders";
import { AcademyService } from "../services/academy.service";
import { AreaStub } from "../types/area.stub";
import { CourseStatus } from "../types/enums";
import { OrganizationStub } from "../types/organization.stub";

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
    return academy.parentId ? academyById(ctx).load(academy.parentId) : null;
  }

  @FieldResolver(() => OrganizationStub, { nullable: true, description: "The registered organization that runs the academy, if any." })
  operator(@Root() academy: Academy): OrganizationStub | null {
    return academy.operatorOrgId ? { id: academy.operatorOrgId } : null;
  }

  @FieldResolver(() => [Course])
  courses(@Root() academy: Academy, @Ctx() ctx: HubContext, @Arg("status", () => [CourseStatus], { nullable: true }) status?: CourseStatus[]) {
    return coursesByAcademy(ctx, status).load(academy.id);
  }
}
