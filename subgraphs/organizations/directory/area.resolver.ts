import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { BadInputError } from "../../../platform/errors";
import { parseAreaCode } from "../../kit/ids";
import { Area } from "./area.entity";
import { areaByCode, areaChildren } from "./directory.loaders";
import { AreaLevel } from "./directory.enums";

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => Area, { nullable: true, description: "One area by its code; null when unknown." })
  area(@Arg("code", () => ID) code: string, @Ctx() ctx: HubContext) {
    return areaByCode(ctx).load(parseAreaCode(code, "code"));
  }

  @Query(() => [Area], { description: "Areas of some levels, optionally only the direct children of one area." })
  areas(
    @Arg("levels", () => [AreaLevel]) levels: AreaLevel[],
    @Ctx() ctx: HubContext,
    @Arg("parentCode", () => ID, { nullable: true }) parentCode?: string,
  ) {
    if (!levels.length) throw new BadInputError("levels: name at least one AreaLevel, e.g. [STREET, FUNCTIONAL_ZONE].", { argument: "levels" });
    const where = parentCode ? { level: In(levels), parentCode: parseAreaCode(parentCode, "parentCode") } : { level: In(levels) };
    return ctx.db.getRepository(Area).find({ where, order: { code: "ASC" }, take: 1000 });
  }

  @FieldResolver(() => Area, { nullable: true })
  parent(@Root() area: Area, @Ctx() ctx: HubContext) {
    return area.parentCode ? areaByCode(ctx).load(area.parentCode) : null;
  }

  @FieldResolver(() => [Area])
  children(@Root() area: Area, @Ctx() ctx: HubContext, @Arg("levels", () => [AreaLevel], { nullable: true }) levels?: AreaLevel[]) {
    return areaChildren(ctx, levels).load(area.code);
  }
}
