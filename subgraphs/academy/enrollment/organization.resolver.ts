import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { CertificateService } from "../certificates";
import { OrganizationStub } from "../external";
import { Enrollment } from "./enrollment.entity";
import { EnrollmentStatus } from "./enrollment.enums";
import { EnrollmentService } from "./enrollment.service";

const certificates = new CertificateService();
const enrollments = new EnrollmentService();

/** Fields this subgraph contributes to Organization (DOMAIN §7). */
@Resolver(() => OrganizationStub)
export class OrganizationTrainingResolver {
  @FieldResolver(() => [Enrollment], {
    description: "Enrollments taken for this organization, optionally of some statuses; only those the caller may read (DOMAIN §9.2), else empty.",
  })
  @Directive('@requires(fields: "homeArea { code }")') // street/community staff read the enrollments of organizations in their area
  enrollments(
    @Root() org: OrganizationStub,
    @Ctx() ctx: HubContext,
    @Arg("status", () => [EnrollmentStatus], { nullable: true }) status?: EnrollmentStatus[],
  ) {
    return enrollments.ofOrganization(ctx, org.id, org.homeArea?.code ?? null, status);
  }

  @FieldResolver(() => Int, { description: "People holding a valid certificate taken for this organization (a public aggregate)." })
  certifiedMemberCount(@Root() org: OrganizationStub, @Ctx() ctx: HubContext) {
    return certificates.certifiedMemberCount(ctx, org.id);
  }
}
