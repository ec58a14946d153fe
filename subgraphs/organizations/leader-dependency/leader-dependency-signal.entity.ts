import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { RiskLevel } from "./leader-dependency.type";

/** The latest leader-dependency signal of an organization, rewritten whenever its inputs change. */
@Entity("leader_dependency_signals")
export class LeaderDependencySignalRow {
  @PrimaryColumn({ type: "varchar", length: 40 })
  organizationId: string;

  @Index()
  @Column({ type: "simple-enum", enum: RiskLevel })
  level: RiskLevel;

  @Column({ type: "int" })
  score: number;

  @Column({ type: "simple-json" })
  factors: { code: string; points: number; detail: string }[];

  @Column({ type: "datetime", precision: 3 })
  computedAt: Date;
}
