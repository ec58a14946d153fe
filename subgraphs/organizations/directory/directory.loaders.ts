import { In, IsNull } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey, rowLoader, rowsGroupedByKey } from "../../kit/loaders";
import { Area } from "./area.entity";
import { Membership } from "./membership.entity";
import { Organization } from "./organization.entity";
import { Person } from "./person.entity";
import { AreaLevel } from "./directory.enums";

/** Areas by code: references, parents, home and service areas. */
export const areaByCode = (ctx: HubContext) => rowLoader(ctx, Area, "code");

/** Child areas per parent code, optionally limited to some levels. */
export const areaChildren = (ctx: HubContext, levels: AreaLevel[] | null | undefined) =>
  ctx.loaders.get<string, Area[]>(
    "areaChildren",
    async (codes) => {
      const where = levels?.length ? { parentCode: In([...codes]), level: In(levels) } : { parentCode: In([...codes]) };
      const rows = await ctx.db.getRepository(Area).find({ where, order: { code: "ASC" } });
      return groupByKey(codes, rows, (a) => a.parentCode as string);
    },
    levels ?? null,
  );

/** Organizations by id: references from every other subgraph come through here. */
export const organizationById = (ctx: HubContext) => rowLoader(ctx, Organization);

/** People by id. */
export const personById = (ctx: HubContext) => rowLoader(ctx, Person);

/** Active (not yet left) memberships per organization. */
export const activeMembershipsByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, Membership[]>("activeMembershipsByOrganization", (ids) =>
    rowsGroupedByKey(ctx.db, Membership, "organizationId", ids, { where: { leftOn: IsNull() }, order: { joinedOn: "ASC", id: "ASC" } }),
  );

/** All memberships (history included) per person. */
export const membershipsByPerson = (ctx: HubContext) =>
  ctx.loaders.get<string, Membership[]>("membershipsByPerson", async (ids) => {
    const rows = await ctx.db.getRepository(Membership).find({ where: { personId: In([...ids]) }, order: { joinedOn: "ASC", id: "ASC" } });
    return groupByKey(ids, rows, (m) => m.personId);
  });
