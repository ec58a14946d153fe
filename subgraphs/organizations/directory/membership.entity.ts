import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { MemberRole } from "./directory.enums";

/** One role held by a person in an organization over a span; a role change closes this row and opens another. */
@Entity("memberships")
@Index(["organizationId", "leftOn"])
export class Membership {
  @PrimaryColumn({ type: "varchar", length: 40 })
  id: string;

  @Column({ type: "varchar", length: 40 })
  organizationId: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  personId: string;

  @Column({ type: "simple-enum", enum: MemberRole })
  role: MemberRole;

  @Column({ type: "varchar", length: 10 })
  joinedOn: string;

  @Column({ type: "varchar", length: 10, nullable: true })
  leftOn: string | null;
}
