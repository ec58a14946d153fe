import { registerEnumType } from "type-graphql";

export enum AreaLevel {
  PROVINCE = "PROVINCE",
  CITY = "CITY",
  DISTRICT = "DISTRICT",
  STREET = "STREET",
  FUNCTIONAL_ZONE = "FUNCTIONAL_ZONE",
  TOWNSHIP = "TOWNSHIP",
  COMMUNITY = "COMMUNITY",
  VILLAGE = "VILLAGE",
  COMPOUND = "COMPOUND",
}

export enum LegalForm {
  SOCIAL_GROUP = "SOCIAL_GROUP",
  SOCIAL_SERVICE_AGENCY = "SOCIAL_SERVICE_AGENCY",
  FOUNDATION = "FOUNDATION",
  FILED = "FILED",
  INFORMAL = "INFORMAL",
}

export enum OrgForm {
  TEAM = "TEAM",
  SOCIETY = "SOCIETY",
  STATION = "STATION",
  CENTER = "CENTER",
  GROUP = "GROUP",
  ASSOCIATION = "ASSOCIATION",
  FEDERATION = "FEDERATION",
}

export enum OrgCategory {
  CULTURE_SPORTS = "CULTURE_SPORTS",
  HOBBY = "HOBBY",
  PARENT_CHILD = "PARENT_CHILD",
  NEIGHBOR_MUTUAL_AID = "NEIGHBOR_MUTUAL_AID",
  HARDSHIP_ASSISTANCE = "HARDSHIP_ASSISTANCE",
  PUBLIC_AFFAIRS = "PUBLIC_AFFAIRS",
  VOLUNTEER_SERVICE = "VOLUNTEER_SERVICE",
  CHARITY = "CHARITY",
  RURAL_PRODUCTION = "RURAL_PRODUCTION",
  PROFESSIONAL_SOCIAL_WORK = "PROFESSIONAL_SOCIAL_WORK",
  HUB = "HUB",
  OTHER = "OTHER",
}

export enum OrgStatus {
  PREPARING = "PREPARING",
  ACTIVE = "ACTIVE",
  DORMANT = "DORMANT",
  SUSPENDED = "SUSPENDED",
  DEREGISTERED = "DEREGISTERED",
}

export enum HubType {
  FEDERATION = "FEDERATION",
  VOLUNTEER_FEDERATION = "VOLUNTEER_FEDERATION",
  SERVICE_CENTER = "SERVICE_CENTER",
  INCUBATOR = "INCUBATOR",
}

export enum MemberRole {
  LEADER = "LEADER",
  DEPUTY = "DEPUTY",
  BACKBONE = "BACKBONE",
  MEMBER = "MEMBER",
  VOLUNTEER = "VOLUNTEER",
}

export enum AgeBand {
  UNDER_40 = "UNDER_40",
  FROM_40_TO_59 = "FROM_40_TO_59",
  FROM_60_TO_69 = "FROM_60_TO_69",
  FROM_70_TO_79 = "FROM_70_TO_79",
  FROM_80 = "FROM_80",
  UNKNOWN = "UNKNOWN",
}

registerEnumType(AreaLevel, { name: "AreaLevel" });
registerEnumType(LegalForm, { name: "LegalForm" });
registerEnumType(OrgForm, { name: "OrgForm" });
registerEnumType(OrgCategory, { name: "OrgCategory" });
registerEnumType(OrgStatus, { name: "OrgStatus" });
registerEnumType(HubType, { name: "HubType" });
registerEnumType(MemberRole, { name: "MemberRole" });
registerEnumType(AgeBand, { name: "AgeBand" });
