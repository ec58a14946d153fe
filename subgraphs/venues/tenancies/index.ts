import { Feature } from "../../kit/feature";
import { OrganizationTenancyResolver } from "./organization-tenancy.resolver";
import { Tenancy } from "./tenancy.entity";
import { TenancyResolver } from "./tenancy.resolver";
import { seedTenancies } from "./tenancy.seed";

export { Tenancy };
export { TenancyStatus } from "./tenancy.enums";

/** Incubation tenancies (孵化入驻) at the desks of an incubation base, and Organization.incubationTenancy. */
export const tenanciesFeature: Feature = {
  name: "tenancies",
  entities: [Tenancy],
  resolvers: [TenancyResolver, OrganizationTenancyResolver],
  seed: seedTenancies,
};
