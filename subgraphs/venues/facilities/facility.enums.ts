import { registerEnumType } from "type-graphql";

/** Kinds of venue (DOMAIN §5). */
export enum FacilityType {
  COMMUNITY_SERVICE_CENTER = "COMMUNITY_SERVICE_CENTER",
  STREET_SERVICE_CENTER = "STREET_SERVICE_CENTER",
  SOCIAL_WORK_STATION = "SOCIAL_WORK_STATION",
  INCUBATION_BASE = "INCUBATION_BASE",
  NEIGHBORHOOD_POINT = "NEIGHBORHOOD_POINT",
  COMPOUND_ACTIVITY_ROOM = "COMPOUND_ACTIVITY_ROOM",
  PARTNER_VENUE = "PARTNER_VENUE",
  OUTDOOR_SQUARE = "OUTDOOR_SQUARE",
  ACADEMY_CAMPUS = "ACADEMY_CAMPUS",
}

export enum RoomKind {
  MEETING_ROOM = "MEETING_ROOM",
  MULTIPURPOSE_HALL = "MULTIPURPOSE_HALL",
  CLASSROOM = "CLASSROOM",
  ACTIVITY_ROOM = "ACTIVITY_ROOM",
  INCUBATION_DESK = "INCUBATION_DESK",
  OUTDOOR_AREA = "OUTDOOR_AREA",
}

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

export enum BookingPurpose {
  ACTIVITY = "ACTIVITY",
  COURSE_SESSION = "COURSE_SESSION",
  MEETING = "MEETING",
  INCUBATION = "INCUBATION",
  OTHER = "OTHER",
}

registerEnumType(FacilityType, { name: "FacilityType" });
registerEnumType(RoomKind, { name: "RoomKind" });
registerEnumType(BookingStatus, { name: "BookingStatus" });
registerEnumType(BookingPurpose, { name: "BookingPurpose" });

export enum Weekday {
  MON = "MON",
  TUE = "TUE",
  WED = "WED",
  THU = "THU",
  FRI = "FRI",
  SAT = "SAT",
  SUN = "SUN",
}

/** Date-specific departures from the weekly opening rules (DOMAIN §5). */
export enum ExceptionKind {
  HOLIDAY_CLOSED = "HOLIDAY_CLOSED",
  MAKEUP_WORKDAY = "MAKEUP_WORKDAY",
  MAINTENANCE = "MAINTENANCE",
  EMERGENCY = "EMERGENCY",
  SPECIAL_HOURS = "SPECIAL_HOURS",
}

export enum EquipmentType {
  PROJECTOR = "PROJECTOR",
  SOUND_SYSTEM = "SOUND_SYSTEM",
  MICROPHONE = "MICROPHONE",
  TABLES = "TABLES",
  CHAIRS = "CHAIRS",
  WHEELCHAIR = "WHEELCHAIR",
  BLOOD_PRESSURE_MONITOR = "BLOOD_PRESSURE_MONITOR",
  HAIRDRESSING_KIT = "HAIRDRESSING_KIT",
  OTHER = "OTHER",
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

/** 孵化入驻 states (DOMAIN §5). */
export enum TenancyStatus {
  APPLIED = "APPLIED",
  ACTIVE = "ACTIVE",
  GRADUATED = "GRADUATED",
  TERMINATED = "TERMINATED",
}

/** Whether partners see a booking's title (PUBLIC) or only a busy block (DOMAIN §9.2). */
export enum BookingVisibility {
  PUBLIC = "PUBLIC",
  PRIVATE = "PRIVATE",
}

registerEnumType(Weekday, { name: "Weekday" });
registerEnumType(ExceptionKind, { name: "ExceptionKind" });
registerEnumType(EquipmentType, { name: "EquipmentType" });
registerEnumType(ConflictReason, { name: "ConflictReason" });
registerEnumType(TenancyStatus, { name: "TenancyStatus" });
registerEnumType(BookingVisibility, { name: "BookingVisibility", description: "PUBLIC: partners see the title; PRIVATE: a busy block titled 已预约." });
