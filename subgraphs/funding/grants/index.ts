import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { ApplicationGrantResolver } from "./application.resolver";
import { Grant } from "./grant.entity";
import { GrantStatus } from "./grant.enums";
import { GrantResolver } from "./grant.resolver";
import { seedGrants } from "./grant.seed";
import { OrganizationFundingResolver } from "./organization.resolver";

export { Grant, GrantStatus };

/** Grants under agreement (DOMAIN §6, §8.2), with Application.grant and Organization's funding fields. */
export const grantsFeature: Feature = {
  name: "grants",
  entities: [Grant],
  resolvers: [GrantResolver, ApplicationGrantResolver, OrganizationFundingResolver],
  references: { Grant: referenceById("Grant", (ctx) => rowLoader(ctx, Grant)) },
  seed: seedGrants,
};
