import { DataSource } from "typeorm";
import { Enrollment } from "./enrollment.entity";
import { EnrollmentStatus } from "./enrollment.enums";

// Only people and organizations of the organizations seed (§10.2).
const enrolled = (id: string, personId: string, organizationId: string): Enrollment => ({
  id,
  offeringId: "off_bs2022s1",
  personId,
  organizationId,
  status: EnrollmentStatus.ENROLLED,
  waitlistPosition: null,
  offerExpiresAt: null,
  attendedMinutes: 0,
});
const ENROLLMENTS: Enrollment[] = [
  enrolled("enr_bs_lzl_deputy", "per_lzl_deputy", "org_lezhulin"),
  enrolled("enr_bs_jq_leader", "per_liu_leader", "org_jiaqiao"),
  enrolled("enr_bs_lzl_leader", "per_zhang_leader", "org_lezhulin"),
];

/** The enrollments of the demo offering (DOMAIN §10.5). */
export async function seedEnrollments(db: DataSource): Promise<void> {
  await db.getRepository(Enrollment).insert(ENROLLMENTS);
}
