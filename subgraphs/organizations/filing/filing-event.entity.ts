import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DateTimeScalar } from "../../kit/scalars";
import { FilingStatus } from "./filing.enums";

/** One transition of a filing: the append-only audit log of DOMAIN §3.5 (rows are inserted, never updated). */
@Entity("filing_events")
@Index(["filingId", "at"])
@ObjectType("FilingEvent", { description: "One step in a filing's history." })
export class FilingEvent {
  /** `fev_<ULID>`. */
  @PrimaryColumn({ type: "varchar", length: 40 })
  id: string;

  @Column({ type: "varchar", length: 40 })
  filingId: string;

  @Column({ type: "datetime", precision: 3 })
  @Field(() => DateTimeScalar)
  at: Date;

  @Column({ name: "fromStatus", type: "simple-enum", enum: FilingStatus, nullable: true })
  @Field(() => FilingStatus, { nullable: true })
  from: FilingStatus | null;

  @Column({ name: "toStatus", type: "simple-enum", enum: FilingStatus })
  @Field(() => FilingStatus)
  to: FilingStatus;

  @Column({ type: "varchar", length: 40, nullable: true })
  actorPersonId: string | null;

  /** The role the actor acted in (ORG_LEADER, COMMUNITY_STAFF, STREET_STAFF). */
  @Column({ type: "varchar", length: 20, nullable: true })
  actorRole: string | null;

  @Column({ type: "varchar", length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  comment: string | null;
}
