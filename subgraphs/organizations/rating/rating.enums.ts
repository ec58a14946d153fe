import { registerEnumType } from "type-graphql";

/** Star level of a rating (DOMAIN §3.8): NONE below the lowest threshold. */
export enum StarLevel {
  NONE = "NONE",
  ONE = "ONE",
  TWO = "TWO",
  THREE = "THREE",
  FOUR = "FOUR",
  FIVE = "FIVE",
}

/** States of the star-rating cycle (DOMAIN §8.5). */
export enum RatingStatus {
  OPEN = "OPEN",
  SELF_ASSESSMENT = "SELF_ASSESSMENT",
  SUPERVISOR_REVIEW = "SUPERVISOR_REVIEW",
  PANEL_SCORING = "PANEL_SCORING",
  PUBLIC_NOTICE = "PUBLIC_NOTICE",
  APPEAL = "APPEAL",
  FINAL = "FINAL",
  VOID = "VOID",
}

/** Transitions of the star-rating cycle (DOMAIN §8.5). */
export enum RatingAction {
  SUBMIT_SELF = "SUBMIT_SELF",
  SUPERVISOR_CONFIRM = "SUPERVISOR_CONFIRM",
  START_PANEL = "START_PANEL",
  PUBLISH_NOTICE = "PUBLISH_NOTICE",
  RECEIVE_APPEAL = "RECEIVE_APPEAL",
  RESOLVE_APPEAL = "RESOLVE_APPEAL",
  FINALIZE = "FINALIZE",
  VOID = "VOID",
}

/** The official 等级评估 grade imported from civil affairs (DOMAIN §1.9), never computed here. */
export enum AGrade {
  A1 = "A1",
  A2 = "A2",
  A3 = "A3",
  A4 = "A4",
  A5 = "A5",
}

registerEnumType(StarLevel, { name: "StarLevel" });
registerEnumType(RatingStatus, { name: "RatingStatus" });
registerEnumType(RatingAction, { name: "RatingAction" });
registerEnumType(AGrade, { name: "AGrade" });
