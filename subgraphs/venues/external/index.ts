import { Feature } from "../../kit/feature";
import { AreaStub } from "./area.stub";
import { OrganizationStub } from "./organization.stub";
import { PersonStub } from "./person.stub";

export { AreaStub, OrganizationStub, PersonStub };

/** Entities the organizations subgraph owns that venues refers to or adds fields to (those fields live with their features). */
export const externalFeature: Feature = {
  name: "external",
  orphanedTypes: [OrganizationStub, AreaStub, PersonStub],
};
