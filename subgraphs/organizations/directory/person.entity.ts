import { Column, Entity, PrimaryColumn } from "typeorm";

/** A resident; personal fields are served only through the masking in person.resolver (DOMAIN §9.3). */
@Entity("people")
export class Person {
  @PrimaryColumn({ type: "varchar", length: 40 })
  id: string;

  @Column({ type: "varchar", length: 40 })
  fullName: string;

  @Column({ type: "varchar", length: 20, nullable: true })
  phone: string | null;

  /** Never a full date of birth (DOMAIN §3.2). */
  @Column({ type: "int", nullable: true })
  birthYear: number | null;

  @Column({ type: "varchar", length: 20, nullable: true })
  residentAreaCode: string | null;

  @Column({ type: "boolean", default: false })
  consentPublicName: boolean;
}
