import { timingSafeEqual } from "node:crypto";
import { BadInputError } from "../../../platform/errors";
import { HubContext } from "../../kit/context";
import { typeOfId } from "../../kit/ids";
import { rowLoader } from "../../kit/loaders";
import { academyLine } from "../academies";
import { Certificate } from "./certificate.entity";
import { certificateByEnrollment, certificatesByPerson, certifiedMemberCountByOrganization } from "./certificate.loaders";
import { seesCertificate } from "./certificate.policy";

const MAX_NO = 30;
const MAX_CODE = 20;

/** Certificate reads (DOMAIN §9.2): each certificate to the callers its row names; the per-organization count is public. */
export class CertificateService {
  async find(ctx: HubContext, id: string): Promise<Certificate | null> {
    if (ctx.viewer.anonymous || typeOfId(id) !== "Certificate") return null;
    const certificate = await rowLoader(ctx, Certificate).load(id);
    return certificate && (await this.shown(ctx, [certificate])).length ? certificate : null;
  }

  async ofPerson(ctx: HubContext, personId: string): Promise<Certificate[]> {
    if (ctx.viewer.anonymous) return [];
    return this.shown(ctx, await certificatesByPerson(ctx).load(personId));
  }

  /** The certificate of an enrollment the caller was allowed to read (enrollments are vetted where they are read). */
  async ofShownEnrollment(ctx: HubContext, enrollmentId: string): Promise<Certificate | null> {
    if (ctx.viewer.anonymous) return null;
    return certificateByEnrollment(ctx).load(enrollmentId);
  }

  /**
   * Checks a paper certificate (PT "verify"): the number and the code printed on it must both match; anyone may
   * ask, and the answer shows only what the certificate states, the holder's name masked by its owner.
   */
  async verify(ctx: HubContext, certificateNo: string, verifyCode: string): Promise<Certificate | null> {
    const no = certificateNo.trim();
    const code = verifyCode.trim();
    if (!no || no.length > MAX_NO) throw new BadInputError(`certificateNo: give the number printed on the certificate (1 to ${MAX_NO} characters).`, { argument: "certificateNo" });
    if (!code || code.length > MAX_CODE) throw new BadInputError(`verifyCode: give the code printed on the certificate (1 to ${MAX_CODE} characters).`, { argument: "verifyCode" });
    const certificate = await ctx.db.getRepository(Certificate).findOneBy({ certificateNo: no });
    return certificate && sameCode(certificate.verifyCode, code) ? certificate : null;
  }

  certifiedMemberCount(ctx: HubContext, organizationId: string): Promise<number> {
    return certifiedMemberCountByOrganization(ctx).load(organizationId);
  }

  private async shown(ctx: HubContext, certificates: Certificate[]): Promise<Certificate[]> {
    const shown = await Promise.all(
      certificates.map(async (c) => seesCertificate(ctx.viewer, c, ctx.viewer.has("ACADEMY_STAFF") ? await academyLine(ctx, c.issuedByAcademyId) : [])),
    );
    return certificates.filter((_, i) => shown[i]);
  }
}

/** Compares in constant time, so the answer's timing does not tell how much of a guessed code was right. */
function sameCode(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
