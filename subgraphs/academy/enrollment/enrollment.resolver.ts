import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Certificate, CertificateService } from "../certificates";
import { CourseOffering } from "../courses";
import { OrganizationStub, PersonStub } from "../external";
import { Enrollment } from "./enrollment.entity";

const certificates = new CertificateService();

@Resolver(() => Enrollment)
export class EnrollmentResolver {
  @FieldResolver(() => CourseOffering)
  offering(@Root() enrollment: Enrollment, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, CourseOffering).load(enrollment.offeringId);
  }

  @FieldResolver(() => PersonStub)
  person(@Root() enrollment: Enrollment): PersonStub {
    return { id: enrollment.personId };
  }

  @FieldResolver(() => OrganizationStub, { description: "The organization the person takes the seat for (counts against maxSeatsPerOrg)." })
  organization(@Root() enrollment: Enrollment): OrganizationStub {
    return { id: enrollment.organizationId };
  }

  @FieldResolver(() => Certificate, { nullable: true, description: "The certificate this enrollment earned; null until issued." })
  certificate(@Root() enrollment: Enrollment, @Ctx() ctx: HubContext) {
    return certificates.ofShownEnrollment(ctx, enrollment.id);
  }
}
