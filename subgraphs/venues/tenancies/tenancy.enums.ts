import { registerEnumType } from "type-graphql";

/** 孵化入驻 states (DOMAIN §5). */
export enum TenancyStatus {
  APPLIED = "APPLIED",
  ACTIVE = "ACTIVE",
  GRADUATED = "GRADUATED",
  TERMINATED = "TERMINATED",
}

registerEnumType(TenancyStatus, { name: "TenancyStatus" });
