import { ReferenceResolver } from "../../kit/schema";
import { typeOfId } from "../../kit/ids";
import { areaByCode, organizationById, personById } from "../loaders";

// The gateway sends one representation per entity and does not deduplicate: each goes through a loader.
// A malformed id can only be unknown here, so it resolves to null instead of reaching SQL.
export const organizationReferences: Record<string, ReferenceResolver> = {
  Organization: (ref, ctx) => (typeOfId(String(ref.id)) === "Organization" ? organizationById(ctx).load(String(ref.id)) : null),
  Person: (ref, ctx) => (typeOfId(String(ref.id)) === "Person" ? personById(ctx).load(String(ref.id)) : null),
  Area: (ref, ctx) => areaByCode(ctx).load(String(ref.code)),
};
