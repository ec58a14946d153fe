import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Certificate } from "../entities/certificate.entity";
import { CourseOffering } from "../entities/course-offering.entity";
import { Enrollment } from "../entities/enrollment.entity";
import { offeringById } from "../loaders";
import { CertificateService } from "../services/certificate.service";
import { OrganizationStub } from "../types/organization.stub";
import { PersonStub } from "../types/person.stub";

const certificates = new CertificateService();

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @FieldResolver(() => CourseOffering)
  offering(@Root() enrollment: Enrollment, @Ctx() ctx: HubContext) {
    return offeringById(ctx).load(enrollment.offeringId);
  }

  @FieldResolver(() => PersonStub)
  person(@Root() enrollment: Enrollment): PersonStub {
    return { id: enrollment.personId };
  }

  @FieldResolver(() => OrganizationStub, { description: "The organization the person takes the seat for (counts against maxSeatsPerOrg)." })
  organization(@Root() enrollment: Enrollment): OrganizationStub {
    return { id: enrollment.organizationId };
  }

  @FieldResolver(() => Certificate, { nullable: true, description: "The certificate this enrollment earned; null until issued, and for anonymous and partner callers." })
  certificate(@Root() enrollment: Enrollment, @Ctx() ctx: HubContext) {
    return certificates.ofEnrollment(ctx, enrollment.id);
  }
}
