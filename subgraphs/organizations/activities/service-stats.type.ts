import { Directive, Field, Int, ObjectType } from "type-graphql";
import { DecimalScalar } from "../../kit/scalars";

/** Service totals (§3.10); `@shareable` because funding defines the same shape for `Grant.reconciliation`. */
@ObjectType({ description: "Service totals over current, counted activity records." })
@Directive("@shareable")
export class ServiceStats {
  @Field(() => Int)
  serviceEvents: number;

  @Field(() => Int, { description: "人次: summed visits, never unique people." })
  beneficiaryVisits: number;

  @Field(() => Int)
  volunteerMinutes: number;

  @Field(() => DecimalScalar, { description: 'Volunteer minutes as decimal hours, e.g. "1629.5".' })
  volunteerHours: string;

  @Field(() => Int, { description: "Distinct people with volunteer minutes." })
  activeVolunteers: number;

  @Field(() => Int, { description: "Distinct organizations with at least one activity." })
  activeOrganizations: number;
}
