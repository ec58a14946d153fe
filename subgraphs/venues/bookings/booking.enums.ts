import { registerEnumType } from "type-graphql";

/** Booking states (DOMAIN §8.3). */
export enum BookingStatus {
  HELD = "HELD",
  PENDING_APPROVAL = "PENDING_APPROVAL",
  CONFIRMED = "CONFIRMED",
  CHECKED_IN = "CHECKED_IN",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
  REJECTED = "REJECTED",
  NO_SHOW = "NO_SHOW",
  BUMPED = "BUMPED",
  EXPIRED = "EXPIRED",
}

/** Which hard rule a booking request breaks: C1 OVERLAP … C8 QUOTA (DOMAIN §5). */
export enum ConflictReason {
  OVERLAP = "OVERLAP",
  OUTSIDE_OPENING_HOURS = "OUTSIDE_OPENING_HOURS",
  CLOSED_DAY = "CLOSED_DAY",
  LEAD_TIME = "LEAD_TIME",
  ADVANCE_WINDOW = "ADVANCE_WINDOW",
  DURATION = "DURATION",
  CAPACITY = "CAPACITY",
  QUOTA = "QUOTA",
  EQUIPMENT_UNAVAILABLE = "EQUIPMENT_UNAVAILABLE",
  NOT_ELIGIBLE = "NOT_ELIGIBLE",
}

/** Whether partners see a booking's title (PUBLIC) or only a busy block (DOMAIN §9.2). */
export enum BookingVisibility {
  PUBLIC = "PUBLIC",
  PRIVATE = "PRIVATE",
}

registerEnumType(BookingStatus, { name: "BookingStatus" });
registerEnumType(ConflictReason, { name: "ConflictReason" });
registerEnumType(BookingVisibility, { name: "BookingVisibility", description: "PUBLIC: partners see the title; PRIVATE: a busy block titled 已预约." });
