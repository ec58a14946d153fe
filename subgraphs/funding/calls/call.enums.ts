import { registerEnumType } from "type-graphql";

export enum CallStatus {
  DRAFT = "DRAFT",
  OPEN = "OPEN",
  CLOSED = "CLOSED",
  UNDER_REVIEW = "UNDER_REVIEW",
  RESULTS_NOTICE = "RESULTS_NOTICE",
  DECIDED = "DECIDED",
  ARCHIVED = "ARCHIVED",
}

/** The tracks a call accepts and the one an application is filed under. */
export enum ApplicantTrack {
  REGISTERED_ORG = "REGISTERED_ORG",
  FILED_TEAM = "FILED_TEAM",
}

registerEnumType(CallStatus, { name: "CallStatus" });
registerEnumType(ApplicantTrack, { name: "ApplicantTrack" });
