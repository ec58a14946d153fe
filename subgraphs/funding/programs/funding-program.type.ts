import { ObjectType } from "type-graphql";
import { Connection } from "../../kit/pagination";
import { FundingProgram } from "./funding-program.entity";

@ObjectType()
export class FundingProgramConnection extends Connection(FundingProgram, "FundingProgram") {}
