import { registerEnumType } from "type-graphql";

export enum FunderType {
  STREET_OFFICE = "STREET_OFFICE",
  FUNCTIONAL_ZONE_BUREAU = "FUNCTIONAL_ZONE_BUREAU",
  DISTRICT_CIVIL_AFFAIRS = "DISTRICT_CIVIL_AFFAIRS",
  CITY_CIVIL_AFFAIRS = "CITY_CIVIL_AFFAIRS",
  WELFARE_LOTTERY_FUND = "WELFARE_LOTTERY_FUND",
  CHARITY_FOUNDATION = "CHARITY_FOUNDATION",
  ENTERPRISE = "ENTERPRISE",
  COMMUNITY_FUND = "COMMUNITY_FUND",
}

export enum ProgramType {
  MICRO_VENTURE = "MICRO_VENTURE",
  VENTURE_PHILANTHROPY = "VENTURE_PHILANTHROPY",
  GOV_PURCHASE = "GOV_PURCHASE",
  DONATION = "DONATION",
  IN_KIND = "IN_KIND",
}

export enum TrancheCondition {
  ON_SIGNING = "ON_SIGNING",
  ON_MIDTERM_PASS = "ON_MIDTERM_PASS",
  ON_FINAL_PASS = "ON_FINAL_PASS",
  ON_REPORT_ACCEPTED = "ON_REPORT_ACCEPTED",
}

export enum CallStatus {
  DRAFT = "DRAFT",
  OPEN = "OPEN",
  CLOSED = "CLOSED",
  UNDER_REVIEW = "UNDER_REVIEW",
  RESULTS_NOTICE = "RESULTS_NOTICE",
  DECIDED = "DECIDED",
  ARCHIVED = "ARCHIVED",
}

export enum ApplicantTrack {
  REGISTERED_ORG = "REGISTERED_ORG",
  FILED_TEAM = "FILED_TEAM",
}

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

export enum GrantStatus {
  SIGNED = "SIGNED",
  IN_PROGRESS = "IN_PROGRESS",
  MIDTERM_PASSED = "MIDTERM_PASSED",
  REMEDIATION = "REMEDIATION",
  SUSPENDED = "SUSPENDED",
  FINAL_PASSED = "FINAL_PASSED",
  CLOSED = "CLOSED",
  TERMINATED = "TERMINATED",
}

registerEnumType(FunderType, { name: "FunderType" });
registerEnumType(ProgramType, { name: "ProgramType" });
registerEnumType(TrancheCondition, { name: "TrancheCondition" });
registerEnumType(CallStatus, { name: "CallStatus" });
registerEnumType(ApplicantTrack, { name: "ApplicantTrack" });
registerEnumType(ApplicationStatus, { name: "ApplicationStatus" });
registerEnumType(GrantStatus, { name: "GrantStatus" });
