import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../kit/context";
import { PersonStub } from "../external";
import { Certificate } from "./certificate.entity";
import { CertificateService } from "./certificate.service";

const certificates = new CertificateService();

/** Fields this subgraph contributes to Person (DOMAIN §7). */
@Resolver(() => PersonStub)
export class PersonCertificatesResolver {
  @FieldResolver(() => [Certificate], { description: "The person's certificates, oldest first; only those the caller may read (DOMAIN §9.2); empty for anonymous and partner callers." })
  certificates(@Root() person: PersonStub, @Ctx() ctx: HubContext) {
    return certificates.ofPerson(ctx, person.id);
  }
}
