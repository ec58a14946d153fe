import { keyOnlyReference, ReferenceResolver, referenceById } from "../../kit/schema";
import { applicationById, callById, funderById, grantById, programById } from "../applications/application.loaders";

export const fundingReferences: Record<string, ReferenceResolver> = {
  Funder: referenceById("Funder", funderById),
  FundingProgram: referenceById("FundingProgram", programById),
  Call: referenceById("Call", callById),
  Application: referenceById("Application", applicationById),
  Grant: referenceById("Grant", grantById),
  Organization: keyOnlyReference("Organization"),
};
