import { registerEnumType } from "type-graphql";

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

registerEnumType(CourseStatus, { name: "CourseStatus" });
registerEnumType(CourseTopic, { name: "CourseTopic" });
registerEnumType(AudienceRole, { name: "AudienceRole" });
registerEnumType(OfferingStatus, { name: "OfferingStatus" });
