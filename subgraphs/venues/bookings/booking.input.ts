import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeScalar } from "../../kit/scalars";
import { BookingPurpose, EquipmentType } from "../facilities";
import { BookingVisibility } from "./booking.enums";

@InputType()
export class EquipmentRequestInput {
  @Field(() => EquipmentType)
  type: EquipmentType;

  @Field(() => Int)
  quantity: number;
}

@InputType()
export class CreateBookingInput {
  @Field(() => ID)
  roomId: string;

  @Field(() => ID, { description: "The booking organization: one the caller leads or belongs to." })
  organizationId: string;

  @Field(() => BookingPurpose)
  purpose: BookingPurpose;

  @Field(() => String)
  title: string;

  @Field(() => Int)
  expectedAttendance: number;

  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field(() => [EquipmentRequestInput], { nullable: true })
  equipment?: EquipmentRequestInput[] | null;

  @Field(() => BookingVisibility, { nullable: true, description: "PUBLIC shows the title to partners; default PRIVATE." })
  visibility?: BookingVisibility | null;

  @Field(() => ID, { nullable: true, description: "COURSE_SESSION only: the academy the session is for; academy staff must name one of their academies." })
  academyId?: string | null;
}

@InputType({ description: "A weekly (or every-n-days) series: the first occurrence and how often it repeats." })
export class CreateBookingSeriesInput {
  @Field(() => CreateBookingInput, { description: "The first occurrence." })
  booking: CreateBookingInput;

  @Field(() => Int, { description: "Occurrences in all, the first included (2–26)." })
  count: number;

  @Field(() => Int, { defaultValue: 7, description: "Days between occurrences (1–28); 7 is weekly." })
  everyDays: number;
}
