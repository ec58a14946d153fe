import { Feature } from "../../kit/feature";
import { typeOfId } from "../../kit/ids";
import { Certificate } from "./certificate.entity";
import { CertificateResolver } from "./certificate.resolver";
import { CertificateService } from "./certificate.service";
import { PersonCertificatesResolver } from "./person.resolver";

export { Certificate, CertificateService };

const certificates = new CertificateService();

/** Training certificates and who may read them, with Person.certificates (DOMAIN §4, §9.2, §9.3). */
export const certificatesFeature: Feature = {
  name: "certificates",
  entities: [Certificate],
  resolvers: [CertificateResolver, PersonCertificatesResolver],
  references: {
    // not referenceById: a certificate is hidden from anonymous and partner callers on every path
    Certificate: (ref, ctx) => (typeOfId(String(ref.id)) === "Certificate" ? certificates.find(ctx, String(ref.id)) : null),
  },
};
