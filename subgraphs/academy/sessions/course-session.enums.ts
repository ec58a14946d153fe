import { registerEnumType } from "type-graphql";

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

registerEnumType(SessionMode, { name: "SessionMode" });
registerEnumType(SessionStatus, { name: "SessionStatus" });
