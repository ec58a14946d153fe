import { IdType, typeOfId } from "../../kit/ids";
import { ReferenceResolver } from "../../kit/schema";
import { HubContext } from "../../kit/context";
import { applicationById, callById, funderById, grantById, programById } from "../loaders";

type Loader = (ctx: HubContext) => { load(id: string): Promise<unknown> };

// The gateway sends one representation per entity and does not deduplicate: each goes through a loader.
// A malformed id or one of another kind can only be unknown here, so it resolves to null instead of reaching SQL.
const through =
  (type: IdType, loader: Loader): ReferenceResolver =>
  (ref, ctx) =>
    typeOfId(String(ref.id)) === type ? loader(ctx).load(String(ref.id)) : null;

export const fundingReferences: Record<string, ReferenceResolver> = {
  Funder: through("Funder", funderById),
  FundingProgram: through("FundingProgram", programById),
  Call: through("Call", callById),
  Application: through("Application", applicationById),
  Grant: through("Grant", grantById),
  // owned by organizations: funding only contributes fields, so the representation itself is the root
  Organization: (ref) => (typeOfId(String(ref.id)) === "Organization" ? { id: String(ref.id) } : null),
};
