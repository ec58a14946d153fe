import { HubContext } from "../../kit/context";
import { rawRowsOfShape } from "../../kit/built-sql";
import { rowsGroupedByKey } from "../../kit/loaders";
import { Certificate } from "./certificate.entity";
import { currentCertificate } from "./certificate.rules";

/** Certificates per person, oldest first, revoked ones included (Person.certificates). */
export const certificatesByPerson = (ctx: HubContext) =>
  ctx.loaders.get<string, Certificate[]>("certificatesByPerson", (ids) =>
    rowsGroupedByKey(ctx.db, Certificate, "personId", ids, { order: { issuedAt: "ASC", id: "ASC" } }),
  );

/** The certificate of each enrollment, if any (Enrollment.certificate): currentCertificate picks, so row order does not matter. */
export const certificateByEnrollment = (ctx: HubContext) =>
  ctx.loaders.get<string, Certificate | null>("certificateByEnrollment", async (ids) =>
    (await rowsGroupedByKey(ctx.db, Certificate, "enrollmentId", ids)).map(currentCertificate),
  );

/** Distinct people per organization holding a valid certificate taken for it: one GROUP BY per batch. */
export const certifiedMemberCountByOrganization = (ctx: HubContext) =>
  ctx.loaders.get<string, number>("certifiedMemberCountByOrganization", async (ids) => {
    const rows = await rawRowsOfShape<{ organizationId: string; count: string | number }>(
      ctx.db,
      "certifiedMemberCountByOrganization",
      ctx.db
        .getRepository(Certificate)
        .createQueryBuilder("c")
        .select("c.organizationId", "organizationId")
        .addSelect("COUNT(DISTINCT c.personId)", "count")
        .where("c.organizationId IN (:...ids)", { ids: [...ids] })
        .andWhere("c.revoked = :revoked", { revoked: false })
        .groupBy("c.organizationId"),
    );
    // COUNT comes back as a string on MySQL
    const counts = new Map(rows.map((r) => [r.organizationId, Number(r.count)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
