import { registerEnumType } from "type-graphql";

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

registerEnumType(GrantStatus, { name: "GrantStatus" });
