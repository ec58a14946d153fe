import { FieldResolver, Resolver, Root } from "type-graphql";
import { AreaStub } from "../external";
import { Funder } from "./funder.entity";

@Resolver(() => Funder)
export class FunderResolver {
  @FieldResolver(() => AreaStub, { nullable: true, description: "The area the funder serves." })
  area(@Root() funder: Funder): AreaStub | null {
    return funder.areaCode ? { code: funder.areaCode } : null;
  }
}
