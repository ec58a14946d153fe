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
};
