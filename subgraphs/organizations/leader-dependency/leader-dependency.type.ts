import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../../kit/scalars";

export enum RiskLevel {
  LOW = "LOW",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
}
registerEnumType(RiskLevel, { name: "RiskLevel" });

@ObjectType({ description: "One scored factor of the leader-dependency signal (DOMAIN §3.9)." })
export class RiskFactor {
  @Field(() => String)
  code: string;

  @Field(() => Int)
  points: number;

  @Field(() => String)
  detail: string;
}

@ObjectType({ description: "How much an organization depends on its leader (DOMAIN §3.9); never shown to partners." })
export class LeaderDependencySignal {
  @Field(() => RiskLevel)
  level: RiskLevel;

  @Field(() => Int)
  score: number;

  @Field(() => [RiskFactor], { description: "Empty for callers who may see the level only (academy staff, reviewers, program officers)." })
  factors: RiskFactor[];

  @Field(() => DateTimeScalar)
  computedAt: Date;
}
