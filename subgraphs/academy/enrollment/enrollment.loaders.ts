import { In } from "typeorm";
import { HubContext } from "../../kit/context";
import { groupByKey, rowsGroupedByKey, statusFilterArgs } from "../../kit/loaders";
import { Enrollment } from "./enrollment.entity";
import { EnrollmentStatus } from "./enrollment.enums";
import { SeatCounts, tallySeats } from "./seat-counts.rules";

/** Seat and waitlist counts per offering: one GROUP BY for every offering in the response. */
export const seatCountsByOffering = (ctx: HubContext) =>
  ctx.loaders.get<string, SeatCounts>("seatCountsByOffering", async (ids) => {
    const rows: { offeringId: string; status: EnrollmentStatus; count: string | number }[] = await ctx.db
      .getRepository(Enrollment)
      .createQueryBuilder("e")
      .select("e.offeringId", "offeringId")
      .addSelect("e.status", "status")
      .addSelect("COUNT(*)", "count")
      .where("e.offeringId IN (:...ids)", { ids: [...ids] })
      .groupBy("e.offeringId")
      .addGroupBy("e.status")
      .getRawMany();
    // COUNT(*) comes back as a string on MySQL
    const groups = groupByKey(ids, rows, (r) => r.offeringId);
    return groups.map((group) => tallySeats(group.map((r) => ({ status: r.status, count: Number(r.count) }))));
  });

/** Enrollments per organization, optionally of some statuses (Organization.enrollments). */
export const enrollmentsByOrganization = (ctx: HubContext, statuses: EnrollmentStatus[] | null | undefined) => {
  const status = statusFilterArgs(statuses);
  return ctx.loaders.get<string, Enrollment[]>(
    "enrollmentsByOrganization",
    (ids) => rowsGroupedByKey(ctx.db, Enrollment, "organizationId", ids, { where: status ? { status: In(status) } : undefined, order: { id: "ASC" } }),
    status,
  );
};
