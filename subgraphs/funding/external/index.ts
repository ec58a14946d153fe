import { cacheTag } from "../../../platform/public-facts";
import { Feature } from "../../kit/feature";
import { keyOnlyReference } from "../../kit/schema";
import { AreaStub } from "./area.stub";
import { OrganizationStub } from "./organization.stub";

export { AreaStub, OrganizationStub };

/** Entities the organizations subgraph owns that funding refers to or adds fields to; only their keys live here. */
export const externalFeature: Feature = {
  name: "external",
  orphanedTypes: [OrganizationStub, AreaStub],
  references: { Organization: keyOnlyReference("Organization") },
  // the grants funding adds to an organization change with no event yet: the gateway's TTL bounds them
  publicReads: { entities: { Organization: (ref: { id: string }) => [cacheTag.organization(ref.id)] } },
};
