import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The events this subgraph has applied, by id (issue 11): an event and its inbox row commit in one transaction,
 * so a redelivered event finds its row and is acknowledged without being applied twice.
 */
@Entity("inbox")
export class InboxEntry {
  @PrimaryColumn({ type: "varchar", length: 40 })
  eventId: string;

  @Column({ type: "varchar", length: 40 })
  producer: string;

  @Column({ type: "varchar", length: 80 })
  type: string;

  @Column({ type: "datetime", precision: 3 })
  appliedAt: Date;
}
