import { Column, Entity, PrimaryColumn } from "typeorm";
import { StarLevel } from "./rating.enums";

/** One indicator of a rating scheme (DOMAIN §3.8), e.g. { code: "SVC", name: "服务成效", max: 25 }. */
export interface SchemeIndicator {
  code: string;
  name: string;
  max: number;
}

/** The lowest total that earns a star level; below every threshold the level is NONE. */
export interface StarThreshold {
  minScore: number;
  stars: StarLevel;
}

/** A configurable star-rating scheme (DOMAIN §3.8): indicators, star thresholds and how long a result holds. */
@Entity("rating_schemes")
export class RatingScheme {
  @PrimaryColumn({ type: "varchar", length: 40 })
  version: string;

  @Column({ type: "simple-json" })
  indicators: SchemeIndicator[];

  @Column({ type: "simple-json" })
  thresholds: StarThreshold[];

  /** Months a FINAL result holds after the end of its cycle year (12: cycle 2022 → 2023-12-31). */
  @Column({ type: "int" })
  validityMonths: number;
}
