import { cacheTag } from "../../../platform/public-facts";
import { Feature } from "../../kit/feature";
import { AreaOrganizationsResolver, OrganizationSearchResolver } from "./organization-search.resolver";

/**
 * The organization directory as a list (DOMAIN §3.1, Q8, Q12): Query.organizations and Area.organizations, filtered
 * by area, category, legal form, filing status, stars, leader dependency and supervisor, each filter one condition
 * in SQL over the table of the feature that owns it.
 */
export const organizationSearchFeature: Feature = {
  name: "organization-search",
  resolvers: [OrganizationSearchResolver, AreaOrganizationsResolver],
  publicReads: { queries: { organizations: () => [cacheTag.directory] } },
};
