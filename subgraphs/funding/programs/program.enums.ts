import { registerEnumType } from "type-graphql";

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

registerEnumType(ProgramType, { name: "ProgramType" });
registerEnumType(TrancheCondition, { name: "TrancheCondition" });
