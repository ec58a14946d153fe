import { registerEnumType } from "type-graphql";

/** What a supervision visit was for (DOMAIN §3.6). */
export enum SupervisionVisitType {
  PLAN_DESIGN = "PLAN_DESIGN",
  DEBRIEF = "DEBRIEF",
  BACKBONE_COACHING = "BACKBONE_COACHING",
  ONSITE_OBSERVATION = "ONSITE_OBSERVATION",
  PROJECT_EVALUATION = "PROJECT_EVALUATION",
}

registerEnumType(SupervisionVisitType, { name: "SupervisionVisitType" });
