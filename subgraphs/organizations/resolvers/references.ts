import { ReferenceResolver, referenceById } from "../../kit/schema";
import { areaByCode, organizationById, personById } from "../loaders";

export const organizationReferences: Record<string, ReferenceResolver> = {
  Organization: referenceById("Organization", organizationById),
  Person: referenceById("Person", personById),
  Area: (ref, ctx) => areaByCode(ctx).load(String(ref.code)),
};
