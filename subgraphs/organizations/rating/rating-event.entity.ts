import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { RatingAction, RatingStatus } from "./rating.enums";

/** Append-only audit of a rating's transitions (DOMAIN §8.5): who moved it, when, why. */
@Entity("rating_events")
@Index(["evaluationId", "at"])
export class RatingEvent {
  @PrimaryColumn({ type: "varchar", length: 40 })
  id: string;

  @Column({ type: "varchar", length: 40 })
  evaluationId: string;

  @Column({ type: "datetime", precision: 3 })
  at: Date;

  @Column({ type: "simple-enum", enum: RatingAction })
  action: RatingAction;

  @Column({ type: "simple-enum", enum: RatingStatus })
  from: RatingStatus;

  @Column({ type: "simple-enum", enum: RatingStatus })
  to: RatingStatus;

  @Column({ type: "varchar", length: 40, nullable: true })
  actorPersonId: string | null;

  @Column({ type: "varchar", length: 500, nullable: true })
  comment: string | null;
}
