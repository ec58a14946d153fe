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

/** What a room is booked for; it lives with the facilities because a venue's policy varies by purpose (PurposeOverride). */
export enum BookingPurpose {
  ACTIVITY = "ACTIVITY",
  COURSE_SESSION = "COURSE_SESSION",
  MEETING = "MEETING",
  INCUBATION = "INCUBATION",
  OTHER = "OTHER",
}

registerEnumType(FacilityType, { name: "FacilityType" });
registerEnumType(RoomKind, { name: "RoomKind" });
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

registerEnumType(Weekday, { name: "Weekday" });
registerEnumType(ExceptionKind, { name: "ExceptionKind" });
registerEnumType(EquipmentType, { name: "EquipmentType" });
