import { Field, Float, Int, ObjectType } from "type-graphql";
import { AgeBand } from "../directory";

@ObjectType({ description: "Members in one age band; null when fewer than 5 (suppressed cell)." })
export class AgeBandCount {
  @Field(() => AgeBand)
  band: AgeBand;

  @Field(() => Int, { nullable: true })
  count: number | null;
}

@ObjectType({ description: "Active members' ages in bands (DOMAIN §3.2); suppressed below 5 members, no individual age shown." })
export class AgeStructure {
  @Field(() => [AgeBandCount])
  bands: AgeBandCount[];

  @Field(() => Int, { nullable: true })
  averageAge: number | null;

  @Field(() => Float, { nullable: true, description: "Share of members aged 60 or more, 0…1." })
  share60Plus: number | null;

  @Field(() => Boolean, { description: "True when the organization has fewer than 5 active members: no counts are shown." })
  suppressed: boolean;
}
