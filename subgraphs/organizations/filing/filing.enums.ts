import { registerEnumType } from "type-graphql";

/** States of a filing (备案), DOMAIN §8.1. */
export enum FilingStatus {
  DRAFT = "DRAFT",
  SUBMITTED = "SUBMITTED",
  COMMUNITY_REVIEWED = "COMMUNITY_REVIEWED",
  STREET_REVIEW = "STREET_REVIEW",
  PUBLIC_NOTICE = "PUBLIC_NOTICE",
  FILED = "FILED",
  RETURNED = "RETURNED",
  REJECTED = "REJECTED",
  CHANGE_PENDING = "CHANGE_PENDING",
  SUSPENDED = "SUSPENDED",
  DEREGISTERED = "DEREGISTERED",
  CONVERTED_TO_REGISTERED = "CONVERTED_TO_REGISTERED",
}

/** What a person may do to a filing, DOMAIN §8.1. */
export enum FilingAction {
  SUBMIT = "SUBMIT",
  COMMUNITY_APPROVE = "COMMUNITY_APPROVE",
  STREET_ACCEPT = "STREET_ACCEPT",
  START_NOTICE = "START_NOTICE",
  APPROVE = "APPROVE",
  RETURN = "RETURN",
  REJECT = "REJECT",
  SUSPEND = "SUSPEND",
  REINSTATE = "REINSTATE",
  DEREGISTER = "DEREGISTER",
}

registerEnumType(FilingStatus, { name: "FilingStatus" });
registerEnumType(FilingAction, { name: "FilingAction" });
