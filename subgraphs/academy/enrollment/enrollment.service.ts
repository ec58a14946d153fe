import { HubContext } from "../../kit/context";
import { typeOfId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { academyLine } from "../academies";
import { Course, CourseOffering } from "../courses";
import { Enrollment } from "./enrollment.entity";
import { EnrollmentStatus } from "./enrollment.enums";
import { enrollmentsByOrganization } from "./enrollment.loaders";
import { readsSomeEnrollments, seesEnrollment } from "./enrollment.policy";

/** Enrollment reads (DOMAIN §9.2): each enrollment is shown only to the callers its row of the matrix names. */
export class EnrollmentService {
  /** Organization.enrollments; `areaCode` is the organization's home area as the gateway supplied it. */
  async ofOrganization(ctx: HubContext, organizationId: string, areaCode: string | null, statuses: EnrollmentStatus[] | null | undefined): Promise<Enrollment[]> {
    if (!readsSomeEnrollments(ctx.viewer) || typeOfId(organizationId) !== "Organization") return [];
    const rows = await enrollmentsByOrganization(ctx, statuses).load(organizationId);
    return this.visible(ctx, rows, areaCode);
  }

  /** An enrollment by reference: no organization area comes with it, so area-scoped staff see none this way. */
  async find(ctx: HubContext, id: string): Promise<Enrollment | null> {
    if (!readsSomeEnrollments(ctx.viewer) || typeOfId(id) !== "Enrollment") return null;
    const row = await rowLoader(ctx, Enrollment).load(id);
    return row && (await this.visible(ctx, [row], null)).length ? row : null;
  }

  private async visible(ctx: HubContext, rows: Enrollment[], areaCode: string | null): Promise<Enrollment[]> {
    const shown = await Promise.all(
      rows.map(async (e) => seesEnrollment(ctx.viewer, e, { organizationAreaCode: areaCode, academyLine: await this.academiesOf(ctx, e.offeringId) })),
    );
    return rows.filter((_, i) => shown[i]);
  }

  /** The offering's academy line; looked up only for academy staff, the one role it decides for. */
  private async academiesOf(ctx: HubContext, offeringId: string): Promise<string[]> {
    if (!ctx.viewer.has("ACADEMY_STAFF")) return [];
    const offering = await rowLoader(ctx, CourseOffering).load(offeringId);
    const course = offering && (await rowLoader(ctx, Course).load(offering.courseId));
    return course ? academyLine(ctx, course.academyId) : [];
  }
}
