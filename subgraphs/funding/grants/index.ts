import { Feature } from "../../kit/feature";
import { referenceById } from "../../kit/schema";
import { ApplicationGrantResolver } from "./application.resolver";
import { Grant } from "./grant.entity";
import { GrantStatus } from "./grant.enums";
import { grantById } from "./grant.loaders";
import { GrantResolver } from "./grant.resolver";
import { seedGrants } from "./grant.seed";
import { OrganizationFundingResolver } from "./organization.resolver";

export { Grant, GrantStatus };

/** Grants under agreement (DOMAIN §6, §8.2), with Application.grant and Organization's funding fields. */
export const grantsFeature: Feature = {
  name: "grants",
  entities: [Grant],
  resolvers: [GrantResolver, ApplicationGrantResolver, OrganizationFundingResolver],
  references: { Grant: referenceById("Grant", grantById) },
  seed: seedGrants,
};
