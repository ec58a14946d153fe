import { Entity, Index, PrimaryColumn } from "typeorm";

/** A person sitting on the scoring panel of one evaluation (DOMAIN §8.5). */
@Entity("rating_panelists")
export class RatingPanelist {
  @PrimaryColumn({ type: "varchar", length: 40 })
  evaluationId: string;

  @Index()
  @PrimaryColumn({ type: "varchar", length: 40 })
  personId: string;
}
