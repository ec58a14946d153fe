import { Field, Int, ObjectType } from "type-graphql";

/** Planned or reported outputs; beneficiaries are visits (人次), never unique people (DOMAIN §0). */
@ObjectType({ description: "Service outputs: events, beneficiary visits (人次) and volunteer minutes." })
export class OutputTargets {
  @Field(() => Int)
  serviceEvents: number;

  @Field(() => Int)
  beneficiaryVisits: number;

  @Field(() => Int)
  volunteerMinutes: number;
}
