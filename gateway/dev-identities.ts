import { Role, ROLES } from "../platform/identity";
import { TokenPayload } from "./auth";

/** A demo person (or partner) a development token stands for, under one role of DOMAIN §9.1. */
export interface DevIdentity {
  /** The §9.1 short code the explorer's picker shows: OL, SS, … */
  code: (typeof ROLES)[Role];
  /** Who this is in the demo data (DOMAIN §10). */
  label: string;
  payload: TokenPayload & { roles: Role[] };
}

// Ids from the seeds where the demo data has the person (张某琴, 吴某, 吴某梅); the staff, officers and reviewers
// are not people of the seed, so their ids are placeholders like the tests'.
/** The identities of the explorer's dev token picker, one per role. */
export const DEV_IDENTITIES: DevIdentity[] = [
  { code: "OL", label: "张某琴, leader of 乐竹邻志愿服务队", payload: { sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] } },
  { code: "OM", label: "吴某梅, member of 乐竹邻志愿服务队", payload: { sub: "per_lzl_m05", roles: ["ORG_MEMBER"], orgIds: ["org_lezhulin"] } },
  { code: "SUP", label: "吴某 of 爱邻社工, supervisor of 乐竹邻", payload: { sub: "per_wu_supervisor", roles: ["SUPERVISOR"], orgIds: ["org_lezhulin"] } },
  { code: "SS", label: "常青街道 street staff (area 340111X01)", payload: { sub: "per_cq_street_clerk", roles: ["STREET_STAFF"], areaCodes: ["340111X01"] } },
  { code: "CS", label: "竹西社区 community worker (area 340111X01C01)", payload: { sub: "per_zx_cs", roles: ["COMMUNITY_STAFF"], areaCodes: ["340111X01C01"] } },
  { code: "AC", label: "常青街道社区治理学校 academy staff (acad_cq)", payload: { sub: "per_acad_staff", roles: ["ACADEMY_STAFF"], academyIds: ["acad_cq"] } },
  { code: "VA", label: "venue admin of 竹西社区党群服务中心 (fac_zx_center)", payload: { sub: "per_zx_admin", roles: ["VENUE_ADMIN"], facilityIds: ["fac_zx_center"] } },
  { code: "PO", label: "programme officer of 常青街道社区微创投 (prog_cq_micro)", payload: { sub: "per_po_cq", roles: ["PROGRAM_OFFICER"], programIds: ["prog_cq_micro"] } },
  { code: "RV", label: "reviewer of 六零系八零's 2022 application (app_cq2022_6080)", payload: { sub: "per_rv_cq", roles: ["REVIEWER"], applicationIds: ["app_cq2022_6080"] } },
  { code: "FA", label: "federation admin (联合会秘书处)", payload: { sub: "per_fa_admin", roles: ["FEDERATION_ADMIN"] } },
  { code: "PT", label: "partner front-end (public, read-only)", payload: { roles: ["PARTNER"] } },
];

/** The demo identity of a role code (case-insensitive); undefined when there is none. */
export function devIdentity(code: string): DevIdentity | undefined {
  return DEV_IDENTITIES.find((identity) => identity.code === code.trim().toUpperCase());
}
