import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Enrollment } from "../entities/enrollment.entity";
import { enrollmentsByOrganization } from "../loaders";
import { EnrollmentStatus } from "../types/enums";
import { OrganizationStub } from "../types/organization.stub";

/** Fields this subgraph contributes to Organization (DOMAIN §7). */
@Resolver(() => OrganizationStub)
export class OrganizationEnrollmentsResolver {
  @FieldResolver(() => [Enrollment], { description: "Enrollments taken for this organization, optionally of some statuses." })
  enrollments(
    @Root() org: OrganizationStub,
    @Ctx() ctx: HubContext,
    @Arg("status", () => [EnrollmentStatus], { nullable: true }) status?: EnrollmentStatus[],
  ) {
    return enrollmentsByOrganization(ctx, status).load(org.id);
  }
}
