import type { FacilityType, LegalForm, OrgCategory, StarLevel, Weekday } from "./operations.generated";

// How the page names the graph's enums for residents (DOMAIN §3.1, §3.3, §5).

export const CATEGORY: Record<OrgCategory, string> = {
  CULTURE_SPORTS: "文体娱乐类",
  HOBBY: "兴趣爱好类",
  PARENT_CHILD: "亲子活动类",
  NEIGHBOR_MUTUAL_AID: "邻里互助类",
  HARDSHIP_ASSISTANCE: "困难帮扶类",
  PUBLIC_AFFAIRS: "公共事务类",
  VOLUNTEER_SERVICE: "志愿服务类",
  CHARITY: "公益慈善类",
  RURAL_PRODUCTION: "农村生产技术服务类",
  PROFESSIONAL_SOCIAL_WORK: "社会工作服务类",
  HUB: "枢纽型",
  OTHER: "其他",
};

export const LEGAL_FORM: Record<LegalForm, string> = {
  SOCIAL_GROUP: "社会团体",
  SOCIAL_SERVICE_AGENCY: "社会服务机构",
  FOUNDATION: "基金会",
  FILED: "已备案",
  INFORMAL: "未备案",
};

export const FACILITY_TYPE: Record<FacilityType, string> = {
  COMMUNITY_SERVICE_CENTER: "党群服务中心",
  STREET_SERVICE_CENTER: "街道服务中心",
  SOCIAL_WORK_STATION: "社工站",
  INCUBATION_BASE: "孵化基地",
  NEIGHBORHOOD_POINT: "睦邻点",
  COMPOUND_ACTIVITY_ROOM: "小区活动室",
  PARTNER_VENUE: "合作场地",
  OUTDOOR_SQUARE: "户外广场",
  ACADEMY_CAMPUS: "学院教学点",
};

export const WEEKDAY: Record<Weekday, string> = { MON: "周一", TUE: "周二", WED: "周三", THU: "周四", FRI: "周五", SAT: "周六", SUN: "周日" };

/** The weekdays in calendar order, Sunday first as Date.getUTCDay() counts them. */
export const WEEKDAYS_FROM_SUNDAY: Weekday[] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const STAR_COUNT: Record<StarLevel, number> = { NONE: 0, ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };

/** ★★★☆☆ for three stars of five; "未评星" for a rating without stars. */
export function stars(level: StarLevel): string {
  const count = STAR_COUNT[level];
  return count ? "★".repeat(count) + "☆".repeat(5 - count) : "未评星";
}
