import { keyOnlyReference, ReferenceResolver, referenceById } from "../../kit/schema";
import { areaByCode, organizationById, personById } from "./directory.loaders";

export const organizationReferences: Record<string, ReferenceResolver> = {
  Organization: referenceById("Organization", organizationById),
  Person: referenceById("Person", personById),
  Area: (ref, ctx) => areaByCode(ctx).load(String(ref.code)),
  // funding's Grant: this subgraph only adds its activities and activitySummary
  Grant: keyOnlyReference("Grant"),
};
