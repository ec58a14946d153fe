import { Certificate } from "@subgraphs/academy/certificates";
import { TestHub } from "@test/support/hub";
import { CAST } from "./cast";
import { Actor, Expectation, MatrixRow, Probe } from "./matrix";

// DOMAIN §9.2 rows owned by the academy: "Courses, offerings, sessions", "Enrollments and attendance" and
// "Certificates". Demo ids from DOMAIN §10.5 and the academy seeds: 常青街道社区治理学校 (acad_cq, under 包河区 acad_bh
// and 合肥 acad_hf) runs 骨干培养与团队传承's spring offering off_bs2022s1, where 乐竹邻 (org_lezhulin, 竹西社区 in
// 常青街道) holds two seats: its deputy 王某华 (enr_bs_lzl_deputy) and its leader 张某琴 (enr_bs_lzl_leader).
// The academy has no mutations yet (scheduleCourseSession, enrollPeople, markAttendance and issueCertificates are in
// the contract, not built): the W and A cells of these rows get their probes when those land.
// Where §9.2 says "—" for data the public reads (RV and PO on courses), the caller gets the public view, no more.

/** Callers of the academy rows: each column's boundary caller, and the in-scope caller where §9.2 grants something. */
export const ACADEMY_ACTORS = {
  FA: CAST.federationAdmin,
  SS_OUT: CAST.streetStaffShushan,
  SS_IN: CAST.streetStaffChangqing,
  CS_IN: { column: "SS/CS", who: "community worker of 竹西社区", token: { sub: "per_zx_cs", roles: ["CS"], areaCodes: ["340111X01C01"] } },
  SS_EMPTY: { column: "SS/CS", who: "street staff whose token has an empty area code", token: { sub: "per_t_ss_empty", roles: ["SS"], areaCodes: [""] } },
  SUP_OUT: CAST.supervisorOfNone,
  SUP_IN: CAST.supervisorOfLezhulin,
  OL_OTHER: CAST.leaderOfJiaqiao,
  OL_OWN: CAST.leaderOfLezhulin,
  OL_DEPUTY: { column: "OL", who: "王某华 acting as OL of 乐竹邻 (not the holder)", token: { sub: "per_lzl_deputy", roles: ["OL"], orgIds: ["org_lezhulin"] } },
  OM_OTHER: CAST.memberOfJiaqiao,
  OM_OWN: { column: "OM", who: "王某华, member of 乐竹邻", token: { sub: "per_lzl_deputy", roles: ["OM"], orgIds: ["org_lezhulin"] } },
  HOLDER: { column: "OM", who: "张某琴, holder of the certificate", token: { sub: "per_zhang_leader", roles: ["OM"], orgIds: ["org_lezhulin"] } },
  AC_OTHER: CAST.academyStaffElsewhere,
  AC_OWN: CAST.academyStaffChangqing,
  AC_CITY: { column: "AC", who: "academy staff of 合肥社区治理学院 (two levels up)", token: { sub: "per_t_ac_hf", roles: ["AC"], academyIds: ["acad_hf"] } },
  INS_OTHER: { column: "AC", who: "instructor of another session", token: { sub: "per_t_ins", roles: ["INS"], academyIds: ["acad_cq"] } },
  RV: { column: "RV", who: "reviewer of 六零系八零's application", token: { sub: "per_rv_cq", roles: ["RV"], applicationIds: ["app_cq2022_6080"] } },
  PO: { column: "PO", who: "PO of 常青街道社区微创投", token: { sub: "per_po_cq", roles: ["PO"], programIds: ["prog_cq_micro"] } },
  VA: { column: "VA", who: "VA of 竹西社区党群服务中心", token: { sub: "per_zx_admin", roles: ["VA"], facilityIds: ["fac_zx_center"] } },
  PT: CAST.anonymousPartner,
  PT_TOKEN: { column: "PT", who: "partner front-end token", token: { roles: ["PT"] } },
  SUB_ONLY: { column: "PT", who: "a token with only a person (sub)", token: { sub: "per_t_nobody", roles: [] } },
} satisfies Record<string, Actor>;
const A = ACADEMY_ACTORS;

const probe = (as: Actor, does: string, query: string, expect: Expectation, variables?: Record<string, unknown>): Probe => ({ as, does, query, variables, expect });

// ---------------------------------------------------------------- courses, offerings, sessions (public)
const OFFERING = `{ courseOffering(id: "off_bs2022s1") {
  label capacity maxSeatsPerOrg enrolledCount course { title academy { name parent { name } } }
  sessions { seq startsAt booking { id room { name } } }
} }`;
const readsOffering: Expectation = {
  outcome: "allowed",
  check: (data) => {
    expect(data.courseOffering).toMatchObject({ label: "2022年春季第1期", capacity: 30, maxSeatsPerOrg: 2, enrolledCount: 3, course: { title: "骨干培养与团队传承", academy: { name: "常青街道社区治理学校", parent: { name: "包河区社区治理学院" } } } });
    expect(data.courseOffering.sessions.map((s: { seq: number; booking: { room: { name: string } } }) => [s.seq, s.booking.room.name])).toEqual([[1, "培训室"], [2, "培训室"], [3, "培训室"], [4, "培训室"]]);
  },
};

// ---------------------------------------------------------------- enrollments and attendance
const ENROLLMENTS = `{ organization(id: "org_lezhulin") { enrollments { id status person { displayName } } } }`;
const BOTH_SEATS = ["enr_bs_lzl_deputy", "enr_bs_lzl_leader"];
const seats = (data: any) => data.organization.enrollments.map((e: { id: string }) => e.id).sort();
const readsSeats = (expected: string[]): Expectation => ({ outcome: "allowed", check: (data) => expect(seats(data)).toEqual(expected) });
const readsNoSeat: Expectation = { outcome: "limited", check: (data) => expect(data.organization.enrollments).toEqual([]) };
const SEAT_COUNTS = `{ courseOffering(id: "off_bs2022s1") { enrolledCount waitlistCount } }`;

// ---------------------------------------------------------------- certificates
const CERTIFICATE_NO = "CQ-2021-MX0001";
const VERIFY_CODE = "MX7Q2K";
/** A certificate of the matrix's own: 张某琴's, taken for 乐竹邻 with 常青街道社区治理学校 (the demo holds none before M13). */
async function addCertificate(hub: TestHub): Promise<void> {
  await hub.subgraphs.academy.db.getRepository(Certificate).insert({
    id: "cert_mx_zhang", certificateNo: CERTIFICATE_NO, verifyCode: VERIFY_CODE, personId: "per_zhang_leader", courseId: "crs_backbone",
    issuedByAcademyId: "acad_cq", enrollmentId: "enr_bs_lzl_leader", organizationId: "org_lezhulin",
    issuedAt: new Date("2021-12-01T10:00:00+08:00"), minutes: 480, revoked: false,
  });
}
const LEADER_CERTIFICATES = `{ organization(id: "org_lezhulin") { leader { person { id certificates { certificateNo verifyCode } } } } }`;
const certificatesOf = (data: any) => data.organization.leader.person.certificates;
const readsCertificate = (verifyCode: string): Expectation => ({
  outcome: "allowed",
  check: (data) => expect(certificatesOf(data)).toEqual([{ certificateNo: CERTIFICATE_NO, verifyCode }]),
});
const readsNoCertificate: Expectation = { outcome: "limited", check: (data) => expect(certificatesOf(data)).toEqual([]) };
const VERIFY = `query($no: String!, $code: String!) { verifyCertificate(certificateNo: $no, verifyCode: $code) { certificateNo revoked minutes verifyCode course { title } issuedBy { name } person { displayName phone } } }`;
const THROUGH_ENROLLMENTS = `{ organization(id: "org_lezhulin") { enrollments { id certificate { certificateNo } } } }`;
const certificateThroughSeat = (data: any) => data.organization.enrollments.find((e: { id: string }) => e.id === "enr_bs_lzl_leader")?.certificate ?? null;

export const rows: MatrixRow[] = [
  {
    data: "Courses, offerings, sessions",
    probes: [A.FA, A.SS_OUT, A.SUP_OUT, A.OL_OTHER, A.OM_OTHER, A.AC_OTHER, A.INS_OTHER, A.RV, A.PO, A.VA, A.PT].map((as) =>
      probe(as, "reads the spring offering of 骨干培养与团队传承, its academy and its sessions' rooms", OFFERING, readsOffering),
    ),
  },
  {
    data: "Enrollments and attendance",
    probes: [
      // FA: aggregates only
      probe(A.FA, "reads 乐竹邻's enrollments (aggregates only: none listed)", ENROLLMENTS, readsNoSeat),
      probe(A.FA, "reads the offering's seat counts", SEAT_COUNTS, { outcome: "allowed", check: (data) => expect(data.courseOffering).toEqual({ enrolledCount: 3, waitlistCount: 0 }) }),
      probe(A.SS_OUT, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
      // an empty scope is never a wildcard: the gateway refuses the token before any subgraph sees it
      probe(A.SS_EMPTY, "reads 乐竹邻's enrollments", ENROLLMENTS, { outcome: "refused", code: "UNAUTHENTICATED" }),
      probe(A.SS_IN, "reads 乐竹邻's enrollments (in their street)", ENROLLMENTS, readsSeats(BOTH_SEATS)),
      probe(A.CS_IN, "reads 乐竹邻's enrollments, names in clear (§9.3 CS s)", ENROLLMENTS, {
        outcome: "allowed",
        check: (data) => expect(data.organization.enrollments.map((e: { person: { displayName: string } }) => e.person.displayName).sort()).toEqual(["张某琴", "王某华"].sort()),
      }),
      probe(A.SUP_OUT, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
      probe(A.SUP_IN, "reads 乐竹邻's enrollments", ENROLLMENTS, readsSeats(BOTH_SEATS)),
      probe(A.OL_OTHER, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
      probe(A.OL_OWN, "reads its organization's enrollments", ENROLLMENTS, readsSeats(BOTH_SEATS)),
      probe(A.OM_OTHER, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
      probe(A.OM_OWN, "reads its own seat only", ENROLLMENTS, { outcome: "limited", check: (data) => expect(seats(data)).toEqual(["enr_bs_lzl_deputy"]) }),
      probe(A.AC_OTHER, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
      probe(A.INS_OTHER, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
      probe(A.AC_OWN, "reads the seats in its academy's offering", ENROLLMENTS, readsSeats(BOTH_SEATS)),
      probe(A.AC_CITY, "reads the seats in a child academy's offering", ENROLLMENTS, readsSeats(BOTH_SEATS)),
      probe(A.RV, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
      probe(A.PO, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
      probe(A.VA, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
      // the leak: Organization.enrollments was open to anonymous callers
      probe(A.PT, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
      probe(A.PT_TOKEN, "reads 乐竹邻's enrollments", ENROLLMENTS, readsNoSeat),
    ],
  },
  {
    data: "Certificates",
    setup: addCertificate,
    probes: [
      probe(A.FA, "reads 张某琴's certificate (code masked)", LEADER_CERTIFICATES, readsCertificate("******")),
      probe(A.SS_OUT, "reads 张某琴's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      // an empty scope is never a wildcard: the gateway refuses the token before any subgraph sees it
      probe(A.SS_EMPTY, "reads 张某琴's certificate through 乐竹邻's seats", THROUGH_ENROLLMENTS, { outcome: "refused", code: "UNAUTHENTICATED" }),
      // safer reading: the academy cannot place a person in an area, so street staff read certificates through
      // the seats of organizations in their area, not by person
      probe(A.SS_IN, "reads 张某琴's certificate by person", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.SS_IN, "reads 张某琴's certificate through 乐竹邻's seats (in their street)", THROUGH_ENROLLMENTS, {
        outcome: "allowed",
        check: (data) => expect(certificateThroughSeat(data)).toEqual({ certificateNo: CERTIFICATE_NO }),
      }),
      probe(A.SUP_OUT, "reads 张某琴's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.SUP_IN, "reads the certificate of a member of 乐竹邻", LEADER_CERTIFICATES, readsCertificate("******")),
      probe(A.OL_OTHER, "reads 张某琴's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.OL_DEPUTY, "reads the certificate of its own member (code masked)", LEADER_CERTIFICATES, readsCertificate("******")),
      probe(A.OM_OTHER, "reads 张某琴's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.OM_OWN, "reads another member's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.HOLDER, "reads their own certificate, code in clear", LEADER_CERTIFICATES, readsCertificate(VERIFY_CODE)),
      probe(A.AC_OTHER, "reads 张某琴's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.INS_OTHER, "reads 张某琴's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.AC_OWN, "reads a certificate its academy issued, code in clear", LEADER_CERTIFICATES, readsCertificate(VERIFY_CODE)),
      probe(A.AC_CITY, "reads a certificate a child academy issued", LEADER_CERTIFICATES, readsCertificate(VERIFY_CODE)),
      // safer reading: which people belong to an assigned application's applicant is not known here; none until it is
      probe(A.RV, "reads the certificate of the applicant's leader", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.PO, "reads 张某琴's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      // the leak: any signed-in non-partner (a VA token, a token with only `sub`) read certificates
      probe(A.VA, "reads 张某琴's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.SUB_ONLY, "reads 张某琴's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.PT, "reads 张某琴's certificate", LEADER_CERTIFICATES, readsNoCertificate),
      probe(A.PT, "verifies the paper certificate: what it states, the holder's name masked, no phone", VERIFY, {
        outcome: "limited",
        check: (data) =>
          expect(data.verifyCertificate).toEqual({
            certificateNo: CERTIFICATE_NO, revoked: false, minutes: 480, verifyCode: "******", course: { title: "骨干培养与团队传承" },
            issuedBy: { name: "常青街道社区治理学校" }, person: { displayName: "张*琴", phone: null },
          }),
      }, { no: CERTIFICATE_NO, code: VERIFY_CODE }),
      probe(A.PT, "verifies with a wrong code", VERIFY, { outcome: "limited", check: (data) => expect(data.verifyCertificate).toBeNull() }, { no: CERTIFICATE_NO, code: "MX7Q2X" }),
    ],
  },
];
