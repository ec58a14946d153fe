import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { Certificate } from "../entities/certificate.entity";
import { CertificateService } from "../services/certificate.service";
import { PersonStub } from "../types/person.stub";

const certificates = new CertificateService();

/** Fields this subgraph contributes to Person (DOMAIN §7). */
@Resolver(() => PersonStub)
export class PersonCertificatesResolver {
  @FieldResolver(() => [Certificate], { description: "The person's certificates, oldest first; empty for anonymous and partner callers." })
  certificates(@Root() person: PersonStub, @Ctx() ctx: HubContext) {
    return certificates.ofPerson(ctx, person.id);
  }
}
