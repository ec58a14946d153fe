import { registerEnumType } from "type-graphql";

export enum AcademyLevel {
  CITY = "CITY",
  DISTRICT = "DISTRICT",
  TOWNSHIP = "TOWNSHIP",
}

export enum CourseStatus {
  DRAFT = "DRAFT",
  PUBLISHED = "PUBLISHED",
  ARCHIVED = "ARCHIVED",
}

export enum CourseTopic {
  PROJECT_DESIGN_MGMT_EVAL = "PROJECT_DESIGN_MGMT_EVAL",
  ORG_GOVERNANCE = "ORG_GOVERNANCE",
  VOLUNTEER_MGMT = "VOLUNTEER_MGMT",
  FINANCE_TRANSPARENCY = "FINANCE_TRANSPARENCY",
  NEEDS_ASSESSMENT = "NEEDS_ASSESSMENT",
  BACKBONE_SUCCESSION = "BACKBONE_SUCCESSION",
  COMMUNITY_PARTICIPATION = "COMMUNITY_PARTICIPATION",
  DIGITAL_SKILLS = "DIGITAL_SKILLS",
  SAFETY = "SAFETY",
}

export enum AudienceRole {
  ORG_LEADER = "ORG_LEADER",
  BACKBONE = "BACKBONE",
  ORG_MEMBER = "ORG_MEMBER",
  COMMUNITY_STAFF = "COMMUNITY_STAFF",
  SOCIAL_WORKER = "SOCIAL_WORKER",
}

export enum OfferingStatus {
  DRAFT = "DRAFT",
  OPEN = "OPEN",
  FULL = "FULL",
  CLOSED = "CLOSED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}

export enum SessionMode {
  ONSITE = "ONSITE",
  ONLINE = "ONLINE",
  HYBRID = "HYBRID",
}

export enum SessionStatus {
  PLANNED = "PLANNED",
  NEEDS_VENUE = "NEEDS_VENUE",
  BOOKED = "BOOKED",
  HELD = "HELD",
  CANCELLED = "CANCELLED",
}

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

registerEnumType(AcademyLevel, { name: "AcademyLevel" });
registerEnumType(CourseStatus, { name: "CourseStatus" });
registerEnumType(CourseTopic, { name: "CourseTopic" });
registerEnumType(AudienceRole, { name: "AudienceRole" });
registerEnumType(OfferingStatus, { name: "OfferingStatus" });
registerEnumType(SessionMode, { name: "SessionMode" });
registerEnumType(SessionStatus, { name: "SessionStatus" });
registerEnumType(EnrollmentStatus, { name: "EnrollmentStatus" });
