import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey, rowLoader } from "../../kit/loaders";
import { SupervisionAssignment } from "./supervision-assignment.entity";
import { SupervisionVisit } from "./supervision-visit.entity";
import { supervisorsOf } from "./supervision.queries";

/** Every supervision assignment (past ones included) per organization, oldest first. */
export const supervisionByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, SupervisionAssignment[]>("supervisionByOrganization", async (ids) => {
    const rows = await ctx.db
      .getRepository(SupervisionAssignment)
      .find({ where: { organizationId: In([...ids]) }, order: { since: "ASC", id: "ASC" } });
    // the notes of a visit look up its assignment by id: these are already read
    const byId = rowLoader(ctx, SupervisionAssignment);
    for (const row of rows) byId.prime(row.id, row);
    return groupByKey(ids, rows, (a) => a.organizationId);
  });

/** Every visit per assignment in date order; `visits(last:)` slices it, so any `last` shares one batch. */
export const visitsByAssignment = (ctx: HubContext) =>
  ctx.loaders.get<string, SupervisionVisit[]>("visitsByAssignment", async (ids) => {
    const rows = await ctx.db.getRepository(SupervisionVisit).find({ where: { assignmentId: In([...ids]) }, order: { date: "ASC", id: "ASC" } });
    return groupByKey(ids, rows, (v) => v.assignmentId);
  });

/** People supervising each organization on a business day. */
export const activeSupervisorsByOrganization = (ctx: HubContext, on: string) =>
  ctx.loaders.get<string, string[]>(
    "activeSupervisorsByOrganization",
    async (ids) => {
      const byOrg = await supervisorsOf(ctx.db, [...ids], on);
      return ids.map((id) => byOrg.get(id) ?? []);
    },
    on,
  );
