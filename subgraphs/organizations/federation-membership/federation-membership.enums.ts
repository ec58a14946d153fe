import { registerEnumType } from "type-graphql";

/** An organization's standing in a federation (联合会), DOMAIN §3.7. */
export enum FederationMembershipStatus {
  APPLIED = "APPLIED",
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  LEFT = "LEFT",
}

registerEnumType(FederationMembershipStatus, { name: "FederationMembershipStatus" });
