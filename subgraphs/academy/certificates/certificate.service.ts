import { HubContext } from "../../kit/context";
import { rowLoader } from "../../kit/loaders";
import { Certificate } from "./certificate.entity";
import { certificateByEnrollment, certificatesByPerson, certifiedMemberCountByOrganization } from "./certificate.loaders";
import { seesCertificates } from "./certificate.policy";

/** Certificate reads (DOMAIN §9.2): the list is for signed-in callers only; the per-organization count is public. */
export class CertificateService {
  async find(ctx: HubContext, id: string): Promise<Certificate | null> {
    if (!seesCertificates(ctx.viewer)) return null;
    return rowLoader(ctx, Certificate).load(id);
  }

  async ofPerson(ctx: HubContext, personId: string): Promise<Certificate[]> {
    if (!seesCertificates(ctx.viewer)) return [];
    return certificatesByPerson(ctx).load(personId);
  }

  async ofEnrollment(ctx: HubContext, enrollmentId: string): Promise<Certificate | null> {
    if (!seesCertificates(ctx.viewer)) return null;
    return certificateByEnrollment(ctx).load(enrollmentId);
  }

  certifiedMemberCount(ctx: HubContext, organizationId: string): Promise<number> {
    return certifiedMemberCountByOrganization(ctx).load(organizationId);
  }
}
