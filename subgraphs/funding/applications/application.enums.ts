import { registerEnumType } from "type-graphql";

export enum ApplicationStatus {
  DRAFT = "DRAFT",
  SUBMITTED = "SUBMITTED",
  ELIGIBILITY_CHECK = "ELIGIBILITY_CHECK",
  INELIGIBLE = "INELIGIBLE",
  COACHING = "COACHING",
  UNDER_REVIEW = "UNDER_REVIEW",
  SHORTLISTED = "SHORTLISTED",
  RESULTS_NOTICE = "RESULTS_NOTICE",
  AWARDED = "AWARDED",
  REJECTED = "REJECTED",
  WITHDRAWN = "WITHDRAWN",
}

registerEnumType(ApplicationStatus, { name: "ApplicationStatus" });
