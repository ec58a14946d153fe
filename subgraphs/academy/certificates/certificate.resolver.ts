import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Academy } from "../academies";
import { Course } from "../courses";
import { PersonStub } from "../external";
import { Certificate } from "./certificate.entity";
import { verifyCodeFor } from "./certificate.policy";

@Resolver(() => Certificate)
export class CertificateResolver {
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
