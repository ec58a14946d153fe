import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * What venues knows of an organization for C7: a snapshot of the organizations subgraph's legalForm and status,
 * seeded for the demo and kept current by its OrganizationEligibilityChanged events (organization-events.handler.ts;
 * `npm run events:republish-eligibility` rebuilds it). Its row is also
 * the lock that serialises one organization's bookings, so the C8 quota holds under concurrency.
 */
@Entity("org_eligibility")
export class OrgEligibility {
  @PrimaryColumn({ type: "varchar", length: 40 })
  organizationId: string;

  @Column({ type: "varchar", length: 30 })
  legalForm: string;

  @Column({ type: "varchar", length: 20 })
  status: string;

  @Column({ type: "datetime", precision: 3 })
  updatedAt: Date;

  /** When the state it holds was true in organizations (the event's occurredAt): an older event never overwrites it. */
  @Column({ type: "datetime", precision: 3, nullable: true })
  asOf: Date | null;
}
