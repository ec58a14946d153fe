import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { CertificateService } from "../certificates";
import { OrganizationStub } from "../external";
import { Enrollment } from "./enrollment.entity";
import { EnrollmentStatus } from "./enrollment.enums";
import { enrollmentsByOrganization } from "./enrollment.loaders";

const certificates = new CertificateService();

/** Fields this subgraph contributes to Organization (DOMAIN §7). */
@Resolver(() => OrganizationStub)
export class OrganizationTrainingResolver {
  @FieldResolver(() => [Enrollment], { description: "Enrollments taken for this organization, optionally of some statuses." })
  enrollments(
    @Root() org: OrganizationStub,
    @Ctx() ctx: HubContext,
    @Arg("status", () => [EnrollmentStatus], { nullable: true }) status?: EnrollmentStatus[],
  ) {
    return enrollmentsByOrganization(ctx, status).load(org.id);
  }

  @FieldResolver(() => Int, { description: "People holding a valid certificate taken for this organization (a public aggregate)." })
  certifiedMemberCount(@Root() org: OrganizationStub, @Ctx() ctx: HubContext) {
    return certificates.certifiedMemberCount(ctx, org.id);
  }
}
