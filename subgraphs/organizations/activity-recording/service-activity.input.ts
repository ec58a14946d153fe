import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeScalar } from "../../kit/scalars";
import { ActivityType } from "../activities";

@InputType({ description: "One person's volunteer minutes on the activity." })
export class VolunteerHourLineInput {
  @Field(() => ID)
  personId: string;

  @Field(() => Int, { description: "More than 0 and at most the activity's duration plus 60 min preparation." })
  minutes: number;

  @Field(() => String, { nullable: true })
  role?: string | null;
}

@InputType({ description: "A service activity as its organizer records it (谁组织谁记录)." })
export class RecordServiceActivityInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => String)
  title: string;

  @Field(() => ActivityType)
  type: ActivityType;

  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field(() => ID, { description: "The compound or community where it took place." })
  areaCode: string;

  @Field(() => ID, { nullable: true })
  bookingId?: string | null;

  @Field(() => ID, { nullable: true, description: "The grant whose outputs this activity counts towards." })
  grantId?: string | null;

  @Field(() => ID, { nullable: true })
  leadOrganizerId?: string | null;

  @Field(() => [VolunteerHourLineInput])
  volunteerLines: VolunteerHourLineInput[];

  @Field(() => Int, { description: "人次 (visits), not unique people." })
  beneficiaryVisits: number;
}
