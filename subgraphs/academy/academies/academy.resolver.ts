import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Academy } from "./academy.entity";
import { Course } from "../courses/course.entity";
import { academyById, coursesByAcademy } from "../courses/course.loaders";
import { AcademyService } from "./academy.service";
import { AreaStub } from "../external/area.stub";
import { CourseStatus } from "../courses/course.enums";
import { OrganizationStub } from "../external/organization.stub";

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
