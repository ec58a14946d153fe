import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "../../kit/scalars";
import { Connection } from "../../kit/pagination";
import { MemberRole } from "./directory.enums";

@ObjectType("Membership", { description: "A role a person holds in an organization over a span of time." })
export class MembershipType {
  @Field(() => ID)
  id: string;

  @Field(() => MemberRole)
  role: MemberRole;

  @Field(() => DateScalar)
  joinedOn: string;

  @Field(() => DateScalar, { nullable: true })
  leftOn: string | null;
}

@ObjectType()
export class MembershipConnection extends Connection(MembershipType, "Membership") {}
