import { actor } from "./matrix";

/**
 * The demo callers several rows need (DOMAIN.md §10 people and scopes), defined once. A rows file names the ones
 * it uses under its own keys and adds the callers only it needs.
 */
export const CAST = {
  federationAdmin: actor("FA", "federation admin", { sub: "per_t_fa", roles: ["FA"], areaCodes: ["340100"] }),
  streetStaffChangqing: actor("SS/CS", "street staff of 常青街道", { sub: "per_t_ss", roles: ["SS"], areaCodes: ["340111X01"] }),
  streetStaffShushan: actor("SS/CS", "street staff of 蜀山经开区 (outside 常青街道)", { sub: "per_t_ss_sjk", roles: ["SS"], areaCodes: ["340104Z01"] }),
  supervisorOfNone: actor("SUP", "supervisor of no organization", { sub: "per_t_sup", roles: ["SUP"], orgIds: [] }),
  supervisorOfLezhulin: actor("SUP", "supervisor of 乐竹邻 (吴某)", { sub: "per_wu_supervisor", roles: ["SUP"], orgIds: ["org_lezhulin"] }),
  leaderOfLezhulin: actor("OL", "OL of 乐竹邻 (张某琴)", { sub: "per_zhang_leader", roles: ["OL"], orgIds: ["org_lezhulin"] }),
  leaderOfJiaqiao: actor("OL", "OL of another organization (加侨飞扬, 刘某明)", { sub: "per_liu_leader", roles: ["OL"], orgIds: ["org_jiaqiao"] }),
  memberOfJiaqiao: actor("OM", "OM of another organization (加侨飞扬)", { sub: "per_t_om", roles: ["OM"], orgIds: ["org_jiaqiao"] }),
  academyStaffElsewhere: actor("AC", "academy staff of another academy", { sub: "per_t_ac", roles: ["AC"], academyIds: ["acad_t_other"] }),
  academyStaffChangqing: actor("AC", "academy staff of 常青街道社区治理学校", { sub: "per_acad_staff", roles: ["AC"], academyIds: ["acad_cq"] }),
  reviewerOfNothing: actor("RV", "reviewer assigned nothing", { sub: "per_t_rv", roles: ["RV"], applicationIds: [] }),
  anonymousPartner: actor("PT", "anonymous partner", null),
};
