import { registerEnumType } from "type-graphql";

/** DOMAIN §8.4; the transitions come with the enrollment workflow. */
export enum EnrollmentStatus {
  REQUESTED = "REQUESTED",
  ENROLLED = "ENROLLED",
  WAITLISTED = "WAITLISTED",
  OFFERED = "OFFERED",
  DECLINED = "DECLINED",
  EXPIRED = "EXPIRED",
  WITHDRAWN = "WITHDRAWN",
  COMPLETED = "COMPLETED",
  INCOMPLETE = "INCOMPLETE",
}

registerEnumType(EnrollmentStatus, { name: "EnrollmentStatus" });
