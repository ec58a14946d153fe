import { registerEnumType } from "type-graphql";

/** The service types the article names (DOMAIN §3.10). */
export enum ActivityType {
  HOME_VISIT = "HOME_VISIT",
  BIRTHDAY_PARTY = "BIRTHDAY_PARTY",
  HANDICRAFT = "HANDICRAFT",
  GROUP_EVENT = "GROUP_EVENT",
  PATROL = "PATROL",
  CLEANUP = "CLEANUP",
  MEDIATION = "MEDIATION",
  HAIRCUT = "HAIRCUT",
  PERFORMANCE = "PERFORMANCE",
  MEETING = "MEETING",
  TRAINING = "TRAINING",
  OTHER = "OTHER",
}

/** Who has vouched for a service record (DOMAIN §3.10). */
export enum VerificationStatus {
  UNVERIFIED = "UNVERIFIED",
  ORG_CONFIRMED = "ORG_CONFIRMED",
  SUPERVISOR_VERIFIED = "SUPERVISOR_VERIFIED",
  REJECTED = "REJECTED",
}

registerEnumType(ActivityType, { name: "ActivityType" });
registerEnumType(VerificationStatus, { name: "VerificationStatus" });
