import { EntityManager } from "typeorm";
import { FederationMembership } from "./federation-membership.entity";
import { FederationMembershipStatus } from "./federation-membership.enums";

/** §3.7 / §10.2: 加侨飞扬 applied to the 蜀山经开区 federation, which is still PREPARING. */
export async function seedFederationMemberships(tx: EntityManager): Promise<void> {
  await tx.getRepository(FederationMembership).insert({
    id: "fmem_jq_sjk", federationId: "org_sjk_fed", memberId: "org_jiaqiao", status: FederationMembershipStatus.APPLIED,
    appliedAt: new Date("2021-12-10T10:00:00+08:00"), joinedOn: null, decidedAt: null, decidedByPersonId: null,
  });
}
