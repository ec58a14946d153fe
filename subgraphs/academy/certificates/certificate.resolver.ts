import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Academy } from "../academies";
import { Course } from "../courses";
import { PersonStub } from "../external";
import { Certificate } from "./certificate.entity";
import { verifyCodeFor } from "./certificate.policy";
import { CertificateService } from "./certificate.service";

const certificates = new CertificateService();

@Resolver(() => Certificate)
export class CertificateResolver {
  @Query(() => Certificate, {
    nullable: true,
    description: "Checks a paper certificate by its number and verify code (public): the certificate, the holder's name masked for the public; null when they do not match.",
  })
  verifyCertificate(@Arg("certificateNo", () => String) certificateNo: string, @Arg("verifyCode", () => String) verifyCode: string, @Ctx() ctx: HubContext) {
    return certificates.verify(ctx, certificateNo, verifyCode);
  }

  @FieldResolver(() => PersonStub, { description: "The holder." })
  person(@Root() certificate: Certificate): PersonStub {
    return { id: certificate.personId };
  }

  @FieldResolver(() => Course)
  course(@Root() certificate: Certificate, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Course).load(certificate.courseId);
  }

  @FieldResolver(() => Academy)
  issuedBy(@Root() certificate: Certificate, @Ctx() ctx: HubContext) {
    return rowLoader(ctx, Academy).load(certificate.issuedByAcademyId);
  }

  @FieldResolver(() => String, { description: 'Checks a paper certificate; "******" unless the caller is the holder or academy staff.' })
  verifyCode(@Root() certificate: Certificate, @Ctx() ctx: HubContext): string {
    return verifyCodeFor(ctx.viewer, certificate);
  }
}
