import { Field, InputType } from "type-graphql";
import { DateScalar } from "../../kit/scalars";

/** Business days `from`…`to`, both inclusive, on the Asia/Shanghai calendar. */
@InputType()
export class DateRangeInput {
  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;
}
