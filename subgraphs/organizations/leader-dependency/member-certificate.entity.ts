import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * Academy certificates held by people, as the academy reports them when it issues one (DOMAIN §7
 * CertificateIssued → organizations); read by the UNTRAINED_BENCH factor of §3.9.
 */
@Entity("member_certificates")
export class MemberCertificate {
  @PrimaryColumn({ type: "varchar", length: 40 })
  certificateId: string;

  @Index()
  @Column({ type: "varchar", length: 40 })
  personId: string;

  @Column({ type: "datetime", precision: 3 })
  issuedAt: Date;
}
